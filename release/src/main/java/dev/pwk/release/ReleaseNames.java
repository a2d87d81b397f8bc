package dev.pwk.release;

import dev.pwk.renderer.RenderOptions;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Helm's rules for the names a user gives a release: the release name (a DNS-1123 subdomain of at
 * most 53 characters) and its namespace (a DNS-1123 label). Every command checks names here, so
 * each rejects a bad name with the same words.
 */
public final class ReleaseNames {
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_NAMESPACE = 63;

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
    if (!RenderOptions.isValidReleaseName(name)) {
      throw new ReleaseException(
          ReleaseException.Kind.INVALID_NAME,
          "invalid release name \""
              + name
              + "\": use at most 53 lower-case letters, digits, '-' or '.', starting and ending"
              + " with a letter or digit");
    }
  }

  /** Checks a namespace; see {@link #check}. */
  public static void checkNamespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (namespace.length() > MAX_NAMESPACE || !NAMESPACE.matcher(namespace).matches()) {
      throw new ReleaseException(
          ReleaseException.Kind.INVALID_NAME,
          "invalid namespace \""
              + namespace
              + "\": use at most 63 lower-case letters, digits or '-', starting and ending with a"
              + " letter or digit");
    }
  }
}
