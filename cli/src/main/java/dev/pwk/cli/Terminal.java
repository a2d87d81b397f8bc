package dev.pwk.cli;

/** Whether output may be coloured: a terminal, {@code NO_COLOR} unset, and not turned off. */
final class Terminal {
  private Terminal() {}

  static boolean colour(boolean disabled) {
    String noColor = System.getenv("NO_COLOR");
    return !disabled && (noColor == null || noColor.isEmpty()) && System.console() != null;
  }

  /** True when standard output is an interactive terminal (for progress lines). */
  static boolean interactive() {
    return System.console() != null;
  }
}
