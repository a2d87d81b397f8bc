package dev.pwk.release;

import java.util.Objects;

/**
 * How one object would change in an upgrade.
 *
 * @param ref the object
 * @param change the kind of change
 * @param diff a unified diff of the live object against the server's dry-run result, without
 *     server-managed fields and with secret values masked; empty when unchanged
 */
public record ObjectDiff(ObjectRef ref, Change change, String diff) {

  /** The kind of change. */
  public enum Change {
    /** The object does not exist yet. */
    ADDED,
    /** The object exists and would change. */
    CHANGED,
    /** The object belongs to the release but the new rendering no longer has it. */
    REMOVED,
    /** The object exists and would not change. */
    UNCHANGED
  }

  public ObjectDiff {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(diff, "diff");
  }

  /** True unless the object would stay as it is. */
  public boolean changed() {
    return change != Change.UNCHANGED;
  }
}
