package dev.pwk.cli;

/**
 * A failure caused by the user's input or environment, printed as one line without a stack trace.
 */
final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
