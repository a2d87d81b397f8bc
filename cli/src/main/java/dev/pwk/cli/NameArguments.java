package dev.pwk.cli;

import dev.pwk.release.ReleaseException;
import dev.pwk.release.ReleaseNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The release name and namespace given on a command line, checked with Helm's rules before a
 * command reads values or contacts a cluster; a bad one is a usage error (exit 2).
 */
final class NameArguments {
  private NameArguments() {}

  /**
   * Checks {@code release} and, when the user gave one, {@code namespace} (null: the kubeconfig
   * context decides, see {@link ReleaseSession#open}).
   */
  static void check(CommandSpec spec, String release, String namespace) {
    try {
      ReleaseNames.checkName(release);
      if (namespace != null) {
        ReleaseNames.checkNamespace(namespace);
      }
    } catch (ReleaseException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
