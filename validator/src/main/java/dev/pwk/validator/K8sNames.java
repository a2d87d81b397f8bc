package dev.pwk.validator;

import java.util.regex.Pattern;

/** Kubernetes name syntaxes (apimachinery's validation), each with its message key. */
enum K8sNames {
  /** RFC 1123 label: namespaces. */
  DNS_LABEL("[a-z0-9]([-a-z0-9]*[a-z0-9])?", 63, "names.kind.dns-label"),
  /** RFC 1123 subdomain: most object names (ConfigMap, Secret, ServiceAccount). */
  DNS_SUBDOMAIN(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*",
      253,
      "names.kind.dns-subdomain"),
  /**
   * A name the chart also puts into a label value (the fullname): a subdomain no longer than a
   * label value.
   */
  OBJECT_AND_LABEL(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*",
      63,
      "names.kind.object-and-label"),
  /** A label value; empty is allowed. */
  LABEL_VALUE("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", 63, "names.kind.label-value"),
  /** The name part of a label or annotation key. */
  QUALIFIED_NAME("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]", 63, "names.kind.label-value"),
  /** A key inside a Secret or ConfigMap. */
  CONFIG_KEY("[-._a-zA-Z0-9]+", 253, "names.kind.config-key");

  private final Pattern pattern;
  private final int maxLength;
  private final String messageKey;

  K8sNames(String regex, int maxLength, String messageKey) {
    this.pattern = Pattern.compile(regex);
    this.maxLength = maxLength;
    this.messageKey = messageKey;
  }

  boolean accepts(String s) {
    return s.length() <= maxLength && pattern.matcher(s).matches();
  }

  /** What the syntax requires, in words. */
  String describe() {
    return Messages.format(messageKey, maxLength);
  }

  /**
   * A label or annotation key: an optional DNS-subdomain prefix and {@code /}, then a name of at
   * most 63 characters.
   */
  static boolean isQualifiedName(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return QUALIFIED_NAME.accepts(key);
    }
    String prefix = key.substring(0, slash);
    return !prefix.isEmpty()
        && DNS_SUBDOMAIN.accepts(prefix)
        && QUALIFIED_NAME.accepts(key.substring(slash + 1));
  }
}
