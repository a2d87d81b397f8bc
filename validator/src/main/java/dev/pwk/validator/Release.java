package dev.pwk.validator;

import java.util.Objects;

/**
 * The release the values would be installed as; generated names depend on it.
 *
 * @param name the Helm release name
 * @param namespace the release namespace
 */
public record Release(String name, String namespace) {

  /** The release {@code helm template} uses when none is named. */
  public static final Release DEFAULT = new Release("release-name", "default");

  public Release {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    if (name.isBlank() || namespace.isBlank()) {
      throw new IllegalArgumentException("release name and namespace must not be blank");
    }
  }
}
