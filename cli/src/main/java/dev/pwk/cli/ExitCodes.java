package dev.pwk.cli;

/** The exit codes of every pwk command. */
final class ExitCodes {
  /** Success: no errors (warnings allowed). */
  static final int OK = 0;

  /** Errors were found, or the operation failed. */
  static final int FINDINGS = 1;

  /** Usage error, unreadable input, or an unreachable cluster. */
  static final int USAGE = 2;

  /** {@code pwk diff --detailed-exitcode}: there are differences (helm diff's convention). */
  static final int CHANGES = 2;

  /** The list shown in every command's help. */
  static final String[] HELP_LIST = {
    "0:success; no errors (warnings allowed)",
    "1:errors found (or warnings with --strict), or the operation failed",
    "2:usage error, unreadable input or an unreachable cluster"
  };

  private ExitCodes() {}
}
