package dev.pwk.release;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The payload of one release record: everything pwk knows about one revision. It is stored as
 * gzipped JSON in the record Secret (see {@link RecordStore}).
 *
 * @param name the release name
 * @param namespace the release namespace
 * @param revision the revision number, from 1
 * @param status a {@link ReleaseStatus#label()}
 * @param started when the operation that wrote this revision started (ISO-8601)
 * @param updated when the status last changed (ISO-8601)
 * @param description what happened, or why it failed
 * @param chart the chart that rendered the revision
 * @param toolVersion the pwk version that wrote it
 * @param values the merged values with secret-looking values redacted
 * @param objects the objects of the revision, in apply order
 * @param manifest the applied objects as multi-document YAML, for rollback; the one field that
 *     holds secret values (env values as applied), since a rollback must apply them again
 * @param lock who holds the release while the record is pending; null otherwise
 */
record ReleaseRecord(
    String name,
    String namespace,
    int revision,
    String status,
    String started,
    String updated,
    String description,
    ChartRef chart,
    String toolVersion,
    JsonNode values,
    List<ObjectRef> objects,
    String manifest,
    Lock lock) {

  ReleaseRecord {
    objects = objects == null ? List.of() : List.copyOf(objects);
    manifest = manifest == null ? "" : manifest;
    description = description == null ? "" : description;
  }

  /**
   * The holder of a pending record.
   *
   * @param owner the holding process, see {@link LockOwner}
   * @param expires after this instant (ISO-8601) the lock is stale and another operation may
   *     recover the release; the holder moves it on while it works (see {@link Lease})
   */
  record Lock(String owner, String expires) {}

  ReleaseStatus releaseStatus() {
    return ReleaseStatus.fromLabel(status);
  }

  /**
   * The record marked superseded, as Helm marks it: the description and time of the operation that
   * made it stay, so history still says what each revision was.
   */
  ReleaseRecord superseded() {
    return new ReleaseRecord(
        name,
        namespace,
        revision,
        ReleaseStatus.SUPERSEDED.label(),
        started,
        updated,
        description,
        chart,
        toolVersion,
        values,
        objects,
        manifest,
        null);
  }

  /** A copy with a new status and description, stamped {@code now}, holding {@code newLock}. */
  ReleaseRecord moveTo(ReleaseStatus next, String newDescription, Instant now, Lock newLock) {
    return new ReleaseRecord(
        name,
        namespace,
        revision,
        next.label(),
        started,
        now.toString(),
        newDescription,
        chart,
        toolVersion,
        values,
        objects,
        manifest,
        newLock);
  }

  /** A copy held by {@code newLock}, otherwise unchanged. */
  ReleaseRecord withLock(Lock newLock) {
    return new ReleaseRecord(
        name,
        namespace,
        revision,
        status,
        started,
        updated,
        description,
        chart,
        toolVersion,
        values,
        objects,
        manifest,
        newLock);
  }

  Revision toRevision() {
    return new Revision(
        name,
        namespace,
        revision,
        releaseStatus(),
        Instant.parse(updated),
        description,
        chart,
        toolVersion);
  }
}
