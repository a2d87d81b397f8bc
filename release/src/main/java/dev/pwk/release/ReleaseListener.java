package dev.pwk.release;

/**
 * Receives what a release operation has to say while it runs. Messages are single lines without a
 * prefix, and never contain secret data.
 */
public interface ReleaseListener {
  /** A step, e.g. {@code applied Deployment prefect/prefect-worker}. */
  void info(String message);

  /** Something the user should act on; the operation continues. */
  void warn(String message);

  /**
   * A state that replaces the previous progress line, e.g. {@code Deployment
   * prefect/prefect-worker: 2/3 replicas ready}. A terminal may overwrite the line; a log should
   * print it.
   */
  default void progress(String message) {
    info(message);
  }

  /** A listener that drops everything. */
  static ReleaseListener silent() {
    return new ReleaseListener() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {}
    };
  }
}
