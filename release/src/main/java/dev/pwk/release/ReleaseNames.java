package dev.pwk.release;

import dev.pwk.kube.Release;
import java.util.Objects;

/**
 * Helm's rules for the names a user gives a release: the release name (a DNS-1123 subdomain of at
 * most 53 characters) and its namespace (a DNS-1123 label). Every command checks names here, so
 * each rejects a bad name with the same words (pwk-kube's {@link Release}).
 */
public final class ReleaseNames {
  private ReleaseNames() {}

  /**
   * Checks a release name and namespace.
   *
   * @throws ReleaseException of kind {@link ReleaseException.Kind#INVALID_NAME} when either is
   *     invalid
   */
  public static void check(String name, String namespace) {
    checkName(name);
    checkNamespace(namespace);
  }

  /** Checks a release name; see {@link #check}. */
  public static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    Release.nameProblem(name)
        .ifPresent(
            problem -> {
              throw new ReleaseException(ReleaseException.Kind.INVALID_NAME, problem);
            });
  }

  /** Checks a namespace; see {@link #check}. */
  public static void checkNamespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    Release.namespaceProblem(namespace)
        .ifPresent(
            problem -> {
              throw new ReleaseException(ReleaseException.Kind.INVALID_NAME, problem);
            });
  }
}
