package dev.pwk.release;

import dev.pwk.release.RecordStore.Stored;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;

/**
 * A pending revision this process holds, with its lock kept alive while the operation runs: every
 * {@link ReleaseLock#RENEW_EVERY} the record's lock expiry moves to {@link ReleaseLock#LEASE} from
 * now, so that another pwk takes the release over only after this one stopped renewing for a whole
 * lease (it was killed, or lost the API server). Liveness so rests on the API server alone, never
 * on process ids or host names. The renewals and the operation's own writes of the record take
 * turns on this object, since each write changes the resourceVersion the next one is conditioned
 * on.
 */
final class Lease implements AutoCloseable {
  private final RecordStore records;
  private final Clock clock;
  private final Runnable stop;
  private Stored held;
  private boolean ended;

  Lease(RecordStore records, Clock clock, Stored held, Renewals renewals) {
    this.records = records;
    this.clock = clock;
    this.held = held;
    this.stop = renewals.every(ReleaseLock.RENEW_EVERY, this::renew);
  }

  /** The record as last written by this process. */
  synchronized Stored held() {
    return held;
  }

  /**
   * Moves the expiry on. A failed renewal is left to the next one; a conflict ends renewing, since
   * another operation took the release over, which this operation's last write then reports.
   */
  synchronized void renew() {
    ReleaseRecord r = held.record();
    if (ended || r.lock() == null) {
      return;
    }
    ReleaseRecord.Lock renewed =
        new ReleaseRecord.Lock(
            r.lock().owner(), clock.instant().plus(ReleaseLock.LEASE).toString());
    try {
      held = records.replace(held, r.withLock(renewed));
    } catch (KubernetesClientException e) {
      ended = ApiErrors.is(e, ApiErrors.CONFLICT);
    }
  }

  /**
   * The operation's last write of the record: stops renewing, then replaces it, failing with 409
   * when someone else changed it since this process last wrote it.
   */
  synchronized Stored end(ReleaseRecord last) {
    close();
    held = records.replace(held, last);
    return held;
  }

  /** Stops renewing; the lock then lapses one lease after its last renewal. */
  @Override
  public synchronized void close() {
    ended = true;
    stop.run();
  }
}
