package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the training cluster of the start-up archive")
class TrainingClusterTest {
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
      String values = CliRun.fixture("good.yaml");

      assertSucceeds("install", "t", "-f", values, "--kubeconfig", k);
      assertSucceeds(
          "upgrade", "t", "-f", values, "--set", "worker.replicaCount=2", "--kubeconfig", k);
      CliRun diff = assertSucceeds("diff", "t", "-f", values, "--kubeconfig", k);
      assertTrue(diff.out().contains("-  replicas: 2\n+  replicas: 1\n"), diff::toString);
      assertTrue(assertSucceeds("status", "t", "--kubeconfig", k).out().contains("REVISION: 2"));
      assertTrue(
          assertSucceeds("history", "t", "--kubeconfig", k).out().contains("Upgrade complete"));
      assertSucceeds("rollback", "t", "--kubeconfig", k);
      assertSucceeds("uninstall", "t", "--kubeconfig", k);
      assertEquals(1, CliRun.of("status", "t", "--kubeconfig", k).exitCode());
    }
  }

  private static CliRun assertSucceeds(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), () -> String.join(" ", args) + ": " + run);
    return run;
  }
}
