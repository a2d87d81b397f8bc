package dev.pwk.kube;

/**
 * The value syntaxes the Kubernetes API server enforces (apimachinery's {@code validation}
 * package): object names, label keys and values, ConfigMap keys, port and environment variable
 * names. pwk's one copy of them, used for values and for rendered objects alike.
 */
public enum KubeSyntax {
  /** RFC 1123 label: container, volume and namespace names. */
  DNS_LABEL("syntax.dns-label") {
    @Override
    public boolean accepts(String s) {
      return dnsLabel(s, 0, s.length());
    }
  },
  /** RFC 1123 subdomain: most object names, service account and priority class names. */
  DNS_SUBDOMAIN("syntax.dns-subdomain") {
    @Override
    public boolean accepts(String s) {
      return s.length() <= MAX_SUBDOMAIN && dnsSubdomain(s, 0, s.length());
    }
  },
  /** Role and RoleBinding names: anything usable as a URL path segment. */
  PATH_SEGMENT("syntax.path-segment") {
    @Override
    public boolean accepts(String s) {
      return !s.isEmpty()
          && !s.equals(".")
          && !s.equals("..")
          && s.indexOf('/') < 0
          && s.indexOf('%') < 0;
    }
  },
  /** IANA service name: container port names. */
  PORT_NAME("syntax.port-name") {
    @Override
    public boolean accepts(String s) {
      return s.length() <= MAX_PORT_NAME
          && dnsLabel(s, 0, s.length())
          && !s.contains("--")
          && s.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }
  },
  /** A label value; empty is allowed. */
  LABEL_VALUE("syntax.label-value") {
    @Override
    public boolean accepts(String s) {
      return s.isEmpty() || labelName(s, 0, s.length());
    }
  },
  /** A label or annotation key: an optional DNS-subdomain prefix and {@code /}, then a name. */
  QUALIFIED_NAME("syntax.qualified-name") {
    @Override
    public boolean accepts(String s) {
      int slash = s.indexOf('/');
      if (slash < 0) {
        return labelName(s, 0, s.length());
      }
      return slash <= MAX_SUBDOMAIN
          && dnsSubdomain(s, 0, slash)
          && labelName(s, slash + 1, s.length());
    }
  },
  /** A key of a ConfigMap's {@code data}. */
  CONFIG_KEY("syntax.config-key") {
    @Override
    public boolean accepts(String s) {
      if (s.isEmpty() || s.length() > MAX_SUBDOMAIN) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
          return false;
        }
      }
      return true;
    }
  },
  /** Environment variable names and {@code envFrom} prefixes. */
  ENV_VAR_NAME("syntax.env-var-name") {
    @Override
    public boolean accepts(String s) {
      if (s.isEmpty() || (s.charAt(0) >= '0' && s.charAt(0) <= '9')) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
          return false;
        }
      }
      return true;
    }
  };

  // The syntaxes are checked by hand rather than with regular expressions: the validator applies
  // them to every label, name and key of every object, and a regex there was a fifth of its time.

  private static final int MAX_LABEL = 63;
  private static final int MAX_SUBDOMAIN = 253;
  private static final int MAX_PORT_NAME = 15;

  private final String messageKey;

  KubeSyntax(String messageKey) {
    this.messageKey = messageKey;
  }

  /** Whether the API server accepts {@code s} where this syntax is required. */
  public abstract boolean accepts(String s);

  /** What the syntax requires, in words, such as {@code a DNS-1123 label (at most 63 ...)}. */
  public String describe() {
    return Messages.get(messageKey);
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}, at most 63 characters, on {@code s[from, to)}. */
  private static boolean dnsLabel(String s, int from, int to) {
    if (to <= from || to - from > MAX_LABEL) {
      return false;
    }
    if (!isLowerAlnum(s.charAt(from)) || !isLowerAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!isLowerAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** DNS labels joined by dots, on {@code s[from, to)}. */
  private static boolean dnsSubdomain(String s, int from, int to) {
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == '.') {
        if (!dnsLabel(s, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?}, at most 63, on {@code s[from, to)}. */
  private static boolean labelName(String s, int from, int to) {
    if (to <= from || to - from > MAX_LABEL) {
      return false;
    }
    if (!isAlnum(s.charAt(from)) || !isAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isAlnum(char c) {
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
  }
}
