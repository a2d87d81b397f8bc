package dev.pwk.release;

import java.util.List;
import java.util.Objects;

/**
 * What an install, upgrade or rollback did.
 *
 * @param revision the new revision; for a dry run, the revision that would have been written
 * @param applied the objects applied (or that would be), in apply order
 * @param deleted the objects of earlier revisions deleted because this one no longer has them (for
 *     a dry run, those that would be)
 * @param dryRun the dry-run mode the operation ran in
 */
public record ReleaseResult(
    Revision revision,
    List<ObjectRef> applied,
    List<ObjectRef> deleted,
    ReleaseOptions.DryRun dryRun) {

  public ReleaseResult {
    Objects.requireNonNull(revision, "revision");
    applied = List.copyOf(applied);
    deleted = List.copyOf(deleted);
    Objects.requireNonNull(dryRun, "dryRun");
  }
}
