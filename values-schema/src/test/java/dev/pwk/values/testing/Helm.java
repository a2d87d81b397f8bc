package dev.pwk.values.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pinned helm of {@code tools/helm} (v4.1.4), run as the test oracle: {@code helm template} on
 * a chart archive, with no kubeconfig and its caches in a folder of its own. The migration and
 * differential tests both run helm through this class.
 */
public final class Helm {
  /** What helm did: its exit code, standard output and standard error. */
  public record Run(int exitCode, String out, String err) {
    /** Whether helm rendered (exit 0). */
    public boolean rendered() {
      return exitCode == 0;
    }
  }

  private final Path binary;
  private final Path work;

  private Helm(Path binary, Path work) {
    this.binary = binary;
    this.work = work;
  }

  /**
   * The helm that {@code tools/helm --path} of the repository at {@code root} names; that script
   * honours {@code PWK_HELM} and installs the pinned helm on first use.
   */
  public static Helm fromRepository(Path root) throws IOException {
    Process p =
        new ProcessBuilder(root.resolve("tools/helm").toString(), "--path")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String path = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (waitFor(p, 300) != 0 || path.isEmpty()) {
      throw new IllegalStateException("tools/helm --path failed; helm is needed for this test");
    }
    return new Helm(Path.of(path), Files.createTempDirectory("pwk-helm"));
  }

  /** A file in this helm's work folder holding {@code text}, to pass with {@code -f}. */
  public Path valuesFile(String name, String text) {
    try {
      return Files.writeString(work.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code helm template RELEASE CHART ARGS...}, whatever its outcome. */
  public Run template(String release, Path chart, List<String> args) {
    try {
      List<String> cmd = new ArrayList<>(List.of(binary.toString(), "template", release));
      cmd.add(chart.toAbsolutePath().toString());
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
      pb.environment().put("KUBECONFIG", "/dev/null");
      pb.environment().put("HELM_CACHE_HOME", work.resolve("helm-cache").toString());
      pb.environment().put("HELM_CONFIG_HOME", work.resolve("helm-config").toString());
      pb.environment().put("HELM_DATA_HOME", work.resolve("helm-data").toString());
      Path err = work.resolve("stderr");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = waitFor(p, 120);
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
