package dev.pwk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A hidden command that runs the everyday commands once on bundled values, so that a
 * class-data-sharing archive (or a JDK 25 ahead-of-time cache) recorded during this run holds
 * the classes they load; the cluster commands run against a {@link TrainingCluster}. The build
 * and the launcher run it; users never need to.
 */
@Command(name = "__cds-training", hidden = true, addMethodSubcommands = false)
final class CdsTrainingCommand implements Callable<Integer> {

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("pwk-training");
    Path values = dir.resolve("values.yaml");
    try (InputStream in = CdsTrainingCommand.class.getResourceAsStream("training-values.yaml")) {
      Files.copy(in, values);
      run("lint", values.toString());
      run("lint", "--format", "sarif", values.toString());
      run("lint", "--set", "worker.replicaCount=x", values.toString());
      run("template", "-f", values.toString(), "--set", "worker.autoscaling.enabled=true");
      run("template", "-f", values.toString(), "--output-dir", dir.resolve("out").toString());
      run("lint-job-template", values.toString());
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
    return ExitCodes.OK;
  }

  private static void run(String... args) {
    CommandLine cl = Pwk.newCommandLine();
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    cl.setOut(sink);
    cl.setErr(sink);
    cl.execute(args);
  }
}
