package dev.pwk.dist;

import dev.pwk.cli.Pwk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The training run: runs the everyday commands once on bundled values, so that a class-data-sharing
 * archive (or a JDK 25 ahead-of-time cache) recorded during this run holds the classes they load;
 * the cluster commands run against a {@link TrainingCluster}. The build and the launcher run it
 * ({@code java -cp pwk.jar dev.pwk.dist.CdsTraining}); users never need to. It is a main class of
 * its own rather than a pwk command, so that the cli library carries nothing of the packaging.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** Runs the commands; exits 0 whatever they report. */
  public static void main(String[] args) throws IOException {
    // As pwk's own main does, so that the archive holds what a real start loads.
    Pwk.setStartupProperties();
    Path dir = Files.createTempDirectory("pwk-training");
    Path values = dir.resolve("values.yaml");
    Path old = dir.resolve("old-values.yaml");
    try (InputStream in = CdsTraining.class.getResourceAsStream("training-values.yaml");
        InputStream oldIn = CdsTraining.class.getResourceAsStream("training-old-values.yaml")) {
      Files.copy(in, values);
      Files.copy(oldIn, old);
      // Every everyday command, so that the archive holds the classes of each one's path.
      run("--version");
      run("lint", values.toString());
      run("lint", "--format", "sarif", values.toString());
      run("lint", "--set", "worker.replicaCount=x", values.toString());
      run("template", "-f", values.toString(), "--set", "worker.autoscaling.enabled=true");
      run("template", "-f", values.toString(), "--output-dir", dir.resolve("out").toString());
      run("lint-job-template", values.toString());
      run("migrate", "--diff", old.toString());
      run("schema");
      run("docs");
      try (TrainingCluster cluster = new TrainingCluster(dir)) {
        String kubeconfig = cluster.kubeconfig(dir).toString();
        String file = values.toString();
        String k = "--kubeconfig";
        run("install", "training", "-f", file, k, kubeconfig);
        run("upgrade", "training", "-f", file, "--set", "worker.replicaCount=2", k, kubeconfig);
        run("upgrade", "training", "-f", file, "--dry-run=server", k, kubeconfig);
        run("diff", "training", "-f", file, k, kubeconfig);
        run("status", "training", k, kubeconfig);
        run("history", "training", k, kubeconfig);
        run("rollback", "training", k, kubeconfig);
        run("uninstall", "training", k, kubeconfig);
        run("status", "training", k, kubeconfig);
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(String... args) {
    CommandLine cl = Pwk.newCommandLine();
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    cl.setOut(sink);
    cl.setErr(sink);
    cl.execute(args);
  }
}
