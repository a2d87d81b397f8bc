package dev.pwk.cli;

import dev.pwk.release.ReleaseException;

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

  /**
   * The exit code of a failed release operation: a usage error when the name, the kubeconfig or the
   * cluster cannot be used at all, otherwise a failed operation.
   */
  static int of(ReleaseException.Kind kind) {
    return switch (kind) {
      case INVALID_NAME, BAD_KUBECONFIG, UNREACHABLE, UNAUTHENTICATED -> USAGE;
      case NOT_FOUND,
          ALREADY_EXISTS,
          NOT_OWNED,
          LOCKED,
          CONFLICT,
          FORBIDDEN,
          REJECTED,
          ROLLOUT_FAILED,
          FAILED ->
          FINDINGS;
    };
  }
}
