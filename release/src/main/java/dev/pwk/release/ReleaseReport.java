package dev.pwk.release;

import java.util.List;
import java.util.Objects;

/**
 * What {@code pwk status} shows.
 *
 * @param revision the newest revision, whatever its status
 * @param objects the objects of that revision with their live state, in apply order
 */
public record ReleaseReport(Revision revision, List<ObjectState> objects) {

  public ReleaseReport {
    Objects.requireNonNull(revision, "revision");
    objects = List.copyOf(objects);
  }

  /** True when every object exists and is ready. */
  public boolean ready() {
    return objects.stream().allMatch(ObjectState::ready);
  }
}
