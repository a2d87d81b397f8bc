package dev.pwk.release;

import java.time.Duration;
import java.util.Objects;

/**
 * How an install, upgrade or rollback runs.
 *
 * @param createNamespace create the release namespace when it does not exist
 * @param waitForRollout wait until every Deployment of the release is rolled out
 * @param timeout how long {@code waitForRollout} waits; also bounds how long the release stays
 *     locked
 * @param dryRun whether to change the cluster at all
 * @param historyMax how many revision records to keep; 0 keeps all
 */
public record ReleaseOptions(
    boolean createNamespace,
    boolean waitForRollout,
    Duration timeout,
    DryRun dryRun,
    int historyMax) {

  /** Helm's default for {@code --timeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** Helm's default for {@code --history-max}. */
  public static final int DEFAULT_HISTORY_MAX = 10;

  /** What a dry run does. */
  public enum DryRun {
    /** Apply and record for real. */
    NONE,
    /** Read the release and the cluster, but send no object to the server. */
    CLIENT,
    /** Send every object as a server-side dry-run apply, so admission and validation run. */
    SERVER
  }

  public ReleaseOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(dryRun, "dryRun");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (historyMax < 0) {
      throw new IllegalArgumentException("historyMax must not be negative, was " + historyMax);
    }
  }

  /** No namespace creation, no wait, 5 minutes, no dry run, 10 records. */
  public static ReleaseOptions defaults() {
    return new ReleaseOptions(false, false, DEFAULT_TIMEOUT, DryRun.NONE, DEFAULT_HISTORY_MAX);
  }

  public ReleaseOptions withCreateNamespace(boolean value) {
    return new ReleaseOptions(value, waitForRollout, timeout, dryRun, historyMax);
  }

  public ReleaseOptions withWaitForRollout(boolean value) {
    return new ReleaseOptions(createNamespace, value, timeout, dryRun, historyMax);
  }

  public ReleaseOptions withTimeout(Duration value) {
    return new ReleaseOptions(createNamespace, waitForRollout, value, dryRun, historyMax);
  }

  public ReleaseOptions withDryRun(DryRun value) {
    return new ReleaseOptions(createNamespace, waitForRollout, timeout, value, historyMax);
  }

  public ReleaseOptions withHistoryMax(int value) {
    return new ReleaseOptions(createNamespace, waitForRollout, timeout, dryRun, value);
  }
}
