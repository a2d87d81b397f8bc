package dev.pwk.values.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chart model example in docs/guide/library.md runs and prints what the guide says. */
class ChartModelExampleTest {
  @Test
  @DisplayName(
      "ChartModelExample prints a value with its pointer, the fullname and what is missing")
  void printsTheModel() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ChartModelExample.print(Path.of("..", "docs", "examples", "cloud-values.yaml"), out);
    }
    assertEquals(
        String.join(
            "\n",
            "/worker/config/workPool = kubernetes-pool",
            "fullname: my-worker-prefect-worker",
            "/worker/cloudApiConfig/workspaceId: A Prefect Cloud Workspace ID is required"
                + " (worker.cloudApiConfig.workspaceId)",
            ""),
        bytes.toString(StandardCharsets.UTF_8));
  }
}
