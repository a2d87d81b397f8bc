package dev.pwk.release;

import java.util.Objects;

/**
 * The live state of one object of a release.
 *
 * @param ref the object
 * @param exists whether the object exists
 * @param ready whether it is ready: a rolled-out Deployment, or any other object that exists
 * @param detail a short state text, e.g. {@code 2/3 replicas ready} or {@code exists}; empty when
 *     the object is missing
 */
public record ObjectState(ObjectRef ref, boolean exists, boolean ready, String detail) {

  public ObjectState {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(detail, "detail");
  }
}
