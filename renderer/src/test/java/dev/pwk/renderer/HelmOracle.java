package dev.pwk.renderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code helm template} (v4.1.4, from {@code tools/helm}) on the released chart archive in
 * the test resources: the oracle the differential tests compare pwk with.
 */
final class HelmOracle {
  /** What helm did: its exit code, standard output and standard error. */
  record Run(int exitCode, String out, String err) {
    boolean rendered() {
      return exitCode == 0;
    }
  }

  private final Path helm;
  private final Path chart;
  private final Path work;

  private HelmOracle(Path helm, Path chart, Path work) {
    this.helm = helm;
    this.chart = chart;
    this.work = work;
  }

  /**
   * The oracle found from the repository root: {@code tools/helm --path} (which honours {@code
   * PWK_HELM} and installs helm on first use) and the archive of the chart version pwk bundles.
   */
  static HelmOracle fromRepository(Path root, String chartVersion) throws IOException {
    Path archive =
        root.resolve("values-schema/src/test/resources/charts")
            .resolve("prefect-worker-" + chartVersion + ".tgz");
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("no chart archive " + archive);
    }
    Process p =
        new ProcessBuilder(root.resolve("tools/helm").toString(), "--path")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (waitFor(p, 300) != 0 || path.isEmpty()) {
      throw new IllegalStateException("tools/helm --path failed");
    }
    return new HelmOracle(Path.of(path), archive, Files.createTempDirectory("pwk-oracle"));
  }

  /** {@code helm template} of one generated case. */
  Run template(GeneratedCase c) {
    try {
      Path values = work.resolve("values.yaml");
      Files.writeString(values, c.valuesYaml(), StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>(List.of(helm.toString(), "template", c.release()));
      cmd.add(chart.toString());
      cmd.addAll(c.helmArgs(values.toString()));
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
      pb.environment().put("KUBECONFIG", "/dev/null");
      pb.environment().put("HELM_CACHE_HOME", work.resolve("helm-cache").toString());
      pb.environment().put("HELM_CONFIG_HOME", work.resolve("helm-config").toString());
      pb.environment().put("HELM_DATA_HOME", work.resolve("helm-data").toString());
      Path err = work.resolve("stderr");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = waitFor(p, 60);
      return new Run(exit, out, Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int waitFor(Process p, int seconds) {
    try {
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("helm did not finish in " + seconds + " s");
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
