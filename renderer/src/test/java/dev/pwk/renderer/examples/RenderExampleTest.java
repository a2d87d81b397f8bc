package dev.pwk.renderer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The example in docs/guide/library.md runs and prints what the guide says. */
class RenderExampleTest {
  @Test
  @DisplayName("RenderExample renders an autoscaling/v2beta2 HPA for Kubernetes 1.20")
  void rendersForOldCluster() throws Exception {
    String yaml = RenderExample.render(Path.of("..", "docs", "examples", "cloud-values.yaml"));
    assertEquals(
        String.join(
            "\n",
            "---",
            "# Source: prefect-worker/templates/hpa.yaml",
            "apiVersion: autoscaling/v2beta2",
            "kind: HorizontalPodAutoscaler"),
        String.join("\n", yaml.lines().limit(4).toList()));
  }
}
