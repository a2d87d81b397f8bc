package dev.pwk.validator.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The example in docs/guide/library.md runs and prints what the guide says. */
class ValidateValuesExampleTest {
  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  @Test
  @DisplayName("ValidateValuesExample reports the broken example's errors and fails")
  void broken() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean clean;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      clean = ValidateValuesExample.lint(EXAMPLES.resolve("broken-values.yaml"), out);
    }
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(clean, report);
    assertTrue(report.startsWith("missing value at /worker/config/workPool\n"), report);
    assertTrue(
        report.contains(
            "../docs/examples/broken-values.yaml:4:17: error: worker.replicaCount must be an"
                + " integer, got string \"two\" [schema.type]\n"
                + "  4 |   replicaCount: two\n"
                + "    |                 ^\n"),
        report);
    assertTrue(report.endsWith("4 errors, 0 warnings, 1 note in 1 file\n"), report);
  }

  @Test
  @DisplayName("ValidateValuesExample passes the cloud example")
  void clean() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean clean;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      clean = ValidateValuesExample.lint(EXAMPLES.resolve("cloud-values.yaml"), out);
    }
    assertTrue(clean);
    assertEquals("no problems in 1 file\n", bytes.toString(StandardCharsets.UTF_8));
  }
}
