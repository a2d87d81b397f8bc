package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.release.examples.DiffReleaseExample;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The release example in docs/guide/library.md runs against a mock API server. */
class DiffReleaseExampleTest {
  private static final Path VALUES = Path.of("..", "docs", "examples", "cloud-values.yaml");

  @Test
  @DisplayName("DiffReleaseExample lists every object of a new release as added, with its diff")
  void newRelease() throws Exception {
    try (MockCluster cluster = new MockCluster()) {
      String out = DiffReleaseExample.diff(cluster.client(), VALUES);

      List<String> objects =
          List.of(
              "ServiceAccount prefect/prefect-worker",
              "Role prefect/prefect-worker",
              "RoleBinding prefect/prefect-worker",
              "Deployment prefect/prefect-worker");
      assertEquals(
          objects.stream().map(o -> "ADDED " + o).toList(),
          out.lines().filter(l -> l.startsWith("ADDED ")).toList());
      for (String o : objects) {
        assertTrue(
            out.contains("ADDED " + o + "\n--- live " + o + "\n+++ planned " + o + "\n@@ -0,0 +1,"),
            out);
      }
      assertTrue(out.contains("\n+kind: \"Deployment\"\n"), out);
    }
  }
}
