package dev.pwk.values;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code helm template} with the pinned helm of {@code tools/helm}, on a chart archive. */
final class HelmTemplate {
  private final Path helm;
  private final Path work;

  private HelmTemplate(Path helm, Path work) {
    this.helm = helm;
    this.work = work;
  }

  /** Finds helm through {@code tools/helm --path}, which installs it on first use. */
  static HelmTemplate fromRepository(Path root) throws IOException {
    Process p =
        new ProcessBuilder(root.resolve("tools/helm").toString(), "--path")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (waitFor(p, 300) != 0 || path.isEmpty()) {
      throw new IllegalStateException("tools/helm --path failed; helm is needed for this test");
    }
    return new HelmTemplate(Path.of(path), Files.createTempDirectory("pwk-migrate-oracle"));
  }

  /** The manifests of {@code helm template worker CHART -f FILE...}; fails when helm does. */
  String render(Path chart, String... valuesFiles) {
    try {
      List<String> cmd = new ArrayList<>(List.of(helm.toString(), "template", "worker"));
      cmd.add(chart.toAbsolutePath().toString());
      int i = 0;
      for (String text : valuesFiles) {
        Path f = work.resolve("values-" + i++ + ".yaml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        cmd.add("-f");
        cmd.add(f.toString());
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
      pb.environment().put("KUBECONFIG", "/dev/null");
      pb.environment().put("HELM_CACHE_HOME", work.resolve("helm-cache").toString());
      pb.environment().put("HELM_CONFIG_HOME", work.resolve("helm-config").toString());
      pb.environment().put("HELM_DATA_HOME", work.resolve("helm-data").toString());
      Path err = work.resolve("stderr");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (waitFor(p, 120) != 0) {
        throw new AssertionError(
            "helm template " + chart.getFileName() + " failed: " + Files.readString(err));
      }
      return out;
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
