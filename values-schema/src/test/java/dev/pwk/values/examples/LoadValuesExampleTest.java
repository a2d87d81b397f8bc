package dev.pwk.values.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The example in docs/guide/library.md runs and prints what the guide says. */
class LoadValuesExampleTest {
  @Test
  @DisplayName("LoadValuesExample prints each value with its file position, flag or default")
  void printsOrigins() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      LoadValuesExample.print(Path.of("..", "docs", "examples", "cloud-values.yaml"), out);
    }
    assertEquals(
        String.join(
            "\n",
            "/worker/config/workPool = kubernetes-pool  ../docs/examples/cloud-values.yaml:7:15",
            "/worker/replicaCount = 2  --set #1 (worker.replicaCount=2)",
            "/worker/image/pullPolicy = IfNotPresent  values.yaml (chart defaults):85:17",
            ""),
        bytes.toString(StandardCharsets.UTF_8));
  }
}
