package dev.pwk.validator;

/**
 * Escapes control characters (C0, DEL and C1) that come from values, so that a report never moves a
 * terminal's cursor, clears its screen or changes its colours: ESC becomes {@code \e}, CR {@code
 * \r}, LF {@code \n}, and the others {@code \xNN} or {@code \u0085}.
 */
final class ControlCharacters {
  private ControlCharacters() {}

  /** The text with every control character escaped; tabs are kept when {@code keepTabs}. */
  static String escape(String s, boolean keepTabs) {
    int i = 0;
    while (i < s.length() && !needsEscape(s.charAt(i), keepTabs)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(needsEscape(c, keepTabs) ? escape(c) : String.valueOf(c));
    }
    return sb.toString();
  }

  /** How a character is shown: itself, or its escape when it is a control character. */
  static String shown(char c, boolean keepTabs) {
    return needsEscape(c, keepTabs) ? escape(c) : String.valueOf(c);
  }

  private static boolean needsEscape(char c, boolean keepTabs) {
    if (c == '\t') {
      return !keepTabs;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  private static String escape(char c) {
    return switch (c) {
      case 0x1B -> "\\e";
      case '\r' -> "\\r";
      case '\n' -> "\\n";
      case '\t' -> "\\t";
      default -> c < 0x80 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
    };
  }
}
