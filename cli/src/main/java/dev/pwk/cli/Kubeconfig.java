package dev.pwk.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Checks that the kubeconfig the user named exists. The Kubernetes client skips a missing file
 * without a word and falls back to in-cluster defaults, so a typo in a path would otherwise show up
 * as an unreachable {@code kubernetes.default.svc}.
 */
final class Kubeconfig {
  private Kubeconfig() {}

  /**
   * Fails with exit code 2 when {@code --kubeconfig} names a file that does not exist, or when
   * {@code $KUBECONFIG} names files of which none exists. Where some of a {@code $KUBECONFIG} list
   * exist, those are read, as kubectl does.
   *
   * @param flag the {@code --kubeconfig} value, or null
   * @param env the value of {@code $KUBECONFIG}, or null
   */
  static void check(Path flag, String env) {
    if (flag != null) {
      if (!Files.isRegularFile(flag)) {
        throw new UserException("kubeconfig file not found: " + flag, ExitCodes.USAGE);
      }
      return;
    }
    if (env == null) {
      return;
    }
    List<String> listed =
        Arrays.stream(env.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    if (!listed.isEmpty() && listed.stream().noneMatch(f -> Files.isRegularFile(Path.of(f)))) {
      throw new UserException(
          "kubeconfig file not found: " + String.join(", ", listed) + " (from KUBECONFIG)",
          ExitCodes.USAGE);
    }
  }
}
