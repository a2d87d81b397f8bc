package dev.pwk.release;

import dev.pwk.release.RecordStore.Stored;
import dev.pwk.release.ReleaseException.Kind;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The lock on a release, kept in its records so that no other coordination is needed.
 *
 * <ul>
 *   <li>An operation takes the lock by creating the record of its new revision, create-if-absent:
 *       of two operations that read the same latest revision, only the first to write continues.
 *   <li>While it runs, the record is pending and names its holder and an expiry, which the holder
 *       renews while it works ({@link Lease}).
 *   <li>Every later change to a record is a replace conditioned on the resourceVersion last seen,
 *       so an operation notices when another one took the release over.
 *   <li>A pending record whose lock expired is stale: its holder stopped renewing (it was killed,
 *       or lost the API server), and the next operation marks it failed and takes over. Liveness
 *       never rests on process ids or host names, which containers and pods share.
 * </ul>
 */
final class ReleaseLock {
  /** How long a lock holds after its last renewal. */
  static final Duration LEASE = Duration.ofSeconds(30);

  /**
   * How often the holder renews: a third of the lease, so that two renewals may fail, and clocks
   * may disagree by up to 20 s, before the lock lapses under a live holder.
   */
  static final Duration RENEW_EVERY = LEASE.dividedBy(3);

  private final RecordStore records;
  private final ReleaseListener listener;
  private final Clock clock;
  private final LockOwner owner;
  private final String server;
  private final Renewals renewals;

  ReleaseLock(
      RecordStore records,
      ReleaseListener listener,
      Clock clock,
      LockOwner owner,
      String server,
      Renewals renewals) {
    this.records = records;
    this.listener = listener;
    this.clock = clock;
    this.owner = owner;
    this.server = server;
    this.renewals = renewals;
  }

  /** A lock for this process that expires one lease from {@code now}, unless renewed. */
  ReleaseRecord.Lock newLock(Instant now) {
    return new ReleaseRecord.Lock(owner.id(), now.plus(LEASE).toString());
  }

  boolean isStale(ReleaseRecord r) {
    ReleaseRecord.Lock lock = r.lock();
    return lock == null
        || lock.expires() == null
        || !clock.instant().isBefore(Instant.parse(lock.expires()));
  }

  /**
   * A record as users see it: a pending one whose holder has stopped says so, rather than that the
   * operation is in progress.
   */
  Revision shown(ReleaseRecord r) {
    Revision revision = r.toRevision();
    if (!r.releaseStatus().isPending() || !isStale(r)) {
      return revision;
    }
    String verb = verbOf(r.releaseStatus());
    return new Revision(
        revision.name(),
        revision.namespace(),
        revision.revision(),
        revision.status(),
        revision.updated(),
        Character.toUpperCase(verb.charAt(0))
            + verb.substring(1)
            + " left pending by an operation that stopped; the next pwk operation on the release"
            + " takes it over",
        revision.chart(),
        revision.toolVersion());
  }

  /**
   * The pending record an interrupted operation left, which the caller may take over; null when the
   * release is free.
   *
   * @throws ReleaseException when another operation holds the release; a dry run only warns
   */
  Stored interruptedOrLocked(Stored latest, String verb, boolean dryRun) {
    if (latest == null || !latest.status().isPending()) {
      return null;
    }
    ReleaseRecord r = latest.record();
    if (!isStale(r)) {
      if (!dryRun) {
        throw new ReleaseException(Kind.LOCKED, lockedMessage(r));
      }
      listener.warn(lockedMessage(r));
      return null;
    }
    listener.warn(
        "revision "
            + r.revision()
            + " of release "
            + r.name()
            + " was left "
            + r.status()
            + " by a pwk that stopped before it finished; this "
            + verb
            + (dryRun ? " would take over" : " takes over")
            + " and cleans up after it");
    return latest;
  }

  /** Marks an interrupted revision failed, unless someone else changed it first. */
  void takeOver(Stored interrupted, Instant now) {
    String why = "Interrupted: pwk stopped before this " + verbOf(interrupted) + " finished";
    replaceOrLose(interrupted, interrupted.record().moveTo(ReleaseStatus.FAILED, why, now, null));
  }

  /**
   * Writes a new pending revision and starts renewing its lock; fails when another operation wrote
   * it first.
   */
  Lease acquire(ReleaseRecord pending) {
    try {
      return new Lease(records, clock, records.create(pending), renewals);
    } catch (KubernetesClientException e) {
      if (ApiErrors.is(e, ApiErrors.CONFLICT)) {
        throw lostRace(pending);
      }
      throw e;
    }
  }

  /**
   * Turns a record this operation read into the pending {@code next} and starts renewing its lock;
   * fails when another operation changed it first.
   */
  Lease hold(Stored current, ReleaseRecord next) {
    return new Lease(records, clock, replaceOrLose(current, next), renewals);
  }

  /** Changes a record this operation read; fails when another operation changed it first. */
  Stored replaceOrLose(Stored current, ReleaseRecord next) {
    try {
      return records.replace(current, next);
    } catch (KubernetesClientException e) {
      if (ApiErrors.is(e, ApiErrors.CONFLICT)) {
        throw lostRace(next);
      }
      throw e;
    }
  }

  /** Marks the held revision with its final state; fails when it was taken over meanwhile. */
  Stored finish(Lease lease, ReleaseRecord done) {
    try {
      return lease.end(done);
    } catch (KubernetesClientException e) {
      if (ApiErrors.is(e, ApiErrors.CONFLICT)) {
        throw new ReleaseException(
            Kind.CONFLICT,
            "release "
                + done.name()
                + " in namespace "
                + done.namespace()
                + " was taken over by another pwk operation while revision "
                + done.revision()
                + " was being applied; the live objects may come from either operation, retry");
      }
      throw e;
    }
  }

  /**
   * Marks the held revision failed with the failure's message, and returns the failure. When the
   * API server cannot be reached, the revision stays pending and the failure says so and what to do
   * next; trying to write the record would only retry against a dead server.
   */
  ReleaseException fail(Lease lease, ReleaseException failure) {
    if (failure.kind().clusterUnusable()) {
      lease.close();
      return leftPending(lease.held(), failure);
    }
    Stored held = lease.held();
    try {
      lease.end(
          held.record().moveTo(ReleaseStatus.FAILED, failure.getMessage(), clock.instant(), null));
    } catch (KubernetesClientException e) {
      ReleaseException why = ApiErrors.translate(e, "updating the release record", server);
      if (why.kind().clusterUnusable()) {
        return leftPending(held, failure);
      }
      listener.warn(
          "could not mark revision " + held.revision() + " as failed: " + why.getMessage());
    }
    return failure;
  }

  private static ReleaseException leftPending(Stored held, ReleaseException failure) {
    ReleaseRecord r = held.record();
    String verb = verbOf(held);
    return new ReleaseException(
        failure.kind(),
        failure.getMessage()
            + "; revision "
            + r.revision()
            + " of release "
            + r.name()
            + " is left "
            + r.status()
            + ": when the API server answers again, run the "
            + verb
            + " again"
            + (r.lock() == null ? "" : " after " + r.lock().expires() + ", when its lock lapses")
            + ", and see `pwk status "
            + r.name()
            + "`");
  }

  static String lockedMessage(ReleaseRecord r) {
    ReleaseRecord.Lock lock = r.lock();
    return "release "
        + r.name()
        + " in namespace "
        + r.namespace()
        + " is locked by another pwk operation (revision "
        + r.revision()
        + " is "
        + r.status()
        + " since "
        + r.started()
        + (lock == null ? "" : ", held by " + lock.owner())
        + "); retry when it has finished"
        + (lock == null ? "" : ", or after " + lock.expires() + " if that pwk was stopped");
  }

  private static ReleaseException lostRace(ReleaseRecord r) {
    return new ReleaseException(
        Kind.CONFLICT,
        "another pwk operation changed release "
            + r.name()
            + " in namespace "
            + r.namespace()
            + " at the same time (revision "
            + r.revision()
            + " was written first); nothing was applied, retry");
  }

  private static String verbOf(Stored s) {
    return verbOf(s.status());
  }

  private static String verbOf(ReleaseStatus status) {
    return switch (status) {
      case PENDING_INSTALL -> "install";
      case PENDING_ROLLBACK -> "rollback";
      case UNINSTALLING -> "uninstall";
      default -> "upgrade";
    };
  }
}
