package dev.pwk.pipeline.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The example in docs/guide/library.md runs and prints what the guide says. */
class PipelineExampleTest {
  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  @Test
  @DisplayName("PipelineExample prints the broken example's findings and no manifest")
  void broken() {
    String out = PipelineExample.template(EXAMPLES.resolve("broken-values.yaml"));
    assertTrue(
        out.contains(
            "../docs/examples/broken-values.yaml:4:17: error: worker.replicaCount must be an"
                + " integer, got string \"two\" [schema.type]\n"),
        out);
    assertFalse(out.contains("# Source:"), out);
  }

  @Test
  @DisplayName("PipelineExample renders the cloud example")
  void clean() {
    String out = PipelineExample.template(EXAMPLES.resolve("cloud-values.yaml"));
    assertTrue(
        out.startsWith("---\n# Source: prefect-worker/templates/serviceaccount.yaml\n"), out);
    assertTrue(out.contains("\nkind: Deployment\n"), out);
    assertFalse(out.contains("error:"), out);
  }
}
