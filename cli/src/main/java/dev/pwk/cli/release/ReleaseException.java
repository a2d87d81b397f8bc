package dev.pwk.cli.release;

/**
 * A release operation that could not be done. The message is one line written for the user; the
 * exit code is {@link #FAILED} or {@link #UNREACHABLE}.
 */
public final class ReleaseException extends RuntimeException {
  /** The operation failed (conflict, API error, rollout timeout and so on). */
  public static final int FAILED = 1;

  /** The cluster could not be reached or rejected the credentials, or the input is unusable. */
  public static final int UNREACHABLE = 2;

  private static final long serialVersionUID = 1L;
  private final int exitCode;

  ReleaseException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  static ReleaseException failed(String message) {
    return new ReleaseException(message, FAILED);
  }

  /** The process exit code that fits this failure. */
  public int exitCode() {
    return exitCode;
  }
}
