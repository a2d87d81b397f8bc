package dev.pwk.validator;

import dev.pwk.kube.KubeSyntax;

/**
 * The Kubernetes name syntaxes values must meet ({@link KubeSyntax}, pwk-kube's one copy), each
 * with the words that name what the value is in a lint message.
 */
enum K8sNames {
  /** RFC 1123 label: namespaces. */
  DNS_LABEL(KubeSyntax.DNS_LABEL, 63, "names.kind.dns-label"),
  /** RFC 1123 subdomain: most object names (ConfigMap, Secret, ServiceAccount). */
  DNS_SUBDOMAIN(KubeSyntax.DNS_SUBDOMAIN, 253, "names.kind.dns-subdomain"),
  /**
   * A name the chart also puts into a label value (the fullname): a subdomain no longer than a
   * label value.
   */
  OBJECT_AND_LABEL(KubeSyntax.DNS_SUBDOMAIN, 63, "names.kind.object-and-label"),
  /** A label value; empty is allowed. */
  LABEL_VALUE(KubeSyntax.LABEL_VALUE, 63, "names.kind.label-value"),
  /** A key inside a Secret or ConfigMap. */
  CONFIG_KEY(KubeSyntax.CONFIG_KEY, 253, "names.kind.config-key");

  private final KubeSyntax syntax;
  private final int maxLength;
  private final String messageKey;

  K8sNames(KubeSyntax syntax, int maxLength, String messageKey) {
    this.syntax = syntax;
    this.maxLength = maxLength;
    this.messageKey = messageKey;
  }

  boolean accepts(String s) {
    return s.length() <= maxLength && syntax.accepts(s);
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
    return KubeSyntax.QUALIFIED_NAME.accepts(key);
  }
}
