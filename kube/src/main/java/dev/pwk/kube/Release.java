package dev.pwk.kube;

import java.util.Objects;
import java.util.Optional;

/**
 * A Helm release: the name it is installed under and its namespace, both checked with Helm's rules.
 * Generated object names depend on it.
 *
 * @param name the release name: a DNS-1123 subdomain of at most 53 characters (Helm keeps 10 for
 *     the suffixes it adds)
 * @param namespace the release namespace: a DNS-1123 label
 */
public record Release(String name, String namespace) {

  /** The release {@code helm template} uses when none is named. */
  public static final Release DEFAULT = new Release("release-name", "default");

  private static final int MAX_NAME = 53;

  /**
   * @throws IllegalArgumentException when the name or namespace breaks Helm's rules; the message is
   *     {@link #nameProblem} or {@link #namespaceProblem}
   */
  public Release {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Optional<String> problem = nameProblem(name).or(() -> namespaceProblem(namespace));
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /**
   * Why Helm would refuse {@code name} as a release name, in one sentence; empty when it is valid.
   */
  public static Optional<String> nameProblem(String name) {
    if (name.length() <= MAX_NAME && KubeSyntax.DNS_SUBDOMAIN.accepts(name)) {
      return Optional.empty();
    }
    return Optional.of(
        "invalid release name \""
            + name
            + "\": use at most 53 lower-case letters, digits, '-' or '.', starting and ending"
            + " with a letter or digit");
  }

  /** Why {@code namespace} is not a valid namespace name, in one sentence; empty when it is. */
  public static Optional<String> namespaceProblem(String namespace) {
    if (KubeSyntax.DNS_LABEL.accepts(namespace)) {
      return Optional.empty();
    }
    return Optional.of(
        "invalid namespace \""
            + namespace
            + "\": use at most 63 lower-case letters, digits or '-', starting and ending with a"
            + " letter or digit");
  }
}
