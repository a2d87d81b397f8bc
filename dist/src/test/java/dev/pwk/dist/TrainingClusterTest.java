package dev.pwk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.cli.Pwk;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("the training cluster of the start-up archive")
class TrainingClusterTest {
  /** The values the training run uses. */
  private static final String VALUES =
      Path.of("src", "main", "resources", "dev", "pwk", "dist", "training-values.yaml").toString();

  @TempDir Path dir;

  @AfterEach
  void forgetKubeconfig() {
    // --kubeconfig sets the property fabric8 reads first; other tests must not see it.
    System.clearProperty("kubeconfig");
  }

  @Test
  @DisplayName(
      "serves TLS and carries every cluster command through to success, so the archive holds"
          + " what they load")
  void clusterCommands() throws Exception {
    try (TrainingCluster cluster = new TrainingCluster(dir)) {
      String k = cluster.kubeconfig(dir).toString();
      assertTrue(Files.readString(Path.of(k)).contains("server: 'https://"), "TLS, as API servers");
      String values = VALUES;

      assertSucceeds("install", "t", "-f", values, "--kubeconfig", k);
      assertSucceeds(
          "upgrade", "t", "-f", values, "--set", "worker.replicaCount=2", "--kubeconfig", k);
      Run diff = assertSucceeds("diff", "t", "-f", values, "--kubeconfig", k);
      assertTrue(diff.out().contains("-  replicas: 2\n+  replicas: 1\n"), diff::toString);
      assertTrue(assertSucceeds("status", "t", "--kubeconfig", k).out().contains("REVISION: 2"));
      assertTrue(
          assertSucceeds("history", "t", "--kubeconfig", k).out().contains("Upgrade complete"));
      assertSucceeds("rollback", "t", "--kubeconfig", k);
      assertSucceeds("uninstall", "t", "--kubeconfig", k);
      assertEquals(1, Run.of("status", "t", "--kubeconfig", k).exitCode());
    }
  }

  private static Run assertSucceeds(String... args) {
    Run run = Run.of(args);
    assertEquals(0, run.exitCode(), () -> String.join(" ", args) + ": " + run);
    return run;
  }

  /** One run of {@code pwk}, in this process: exit code and captured output. */
  private record Run(int exitCode, String out, String err) {
    static Run of(String... args) {
      CommandLine cl = Pwk.newCommandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new Run(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
