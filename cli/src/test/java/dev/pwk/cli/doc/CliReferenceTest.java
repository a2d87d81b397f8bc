package dev.pwk.cli.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/cli-reference.md is what {@link CliReference} generates from the commands now. Run with
 * {@code -Dpwk.golden.update=true} to rewrite it.
 */
@DisplayName("docs/cli-reference.md matches the picocli model")
class CliReferenceTest {
  /** Relative to the cli module directory, the tests' working directory. */
  static final Path REFERENCE = Path.of("..", "docs", "cli-reference.md");

  @Test
  @DisplayName("the committed reference is what the commands generate now")
  void referenceIsFresh() throws IOException {
    String fresh = CliReference.generate();
    if (Boolean.getBoolean("pwk.golden.update")) {
      Files.writeString(REFERENCE, fresh, StandardCharsets.UTF_8);
    }
    String onDisk =
        Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "";
    if (!fresh.equals(onDisk)) {
      fail(
          "docs/cli-reference.md is stale (a command, option or description changed); regenerate"
              + " it with:\n  "
              + CliReference.REGENERATE
              + "\nfirst difference: "
              + firstDifference(onDisk, fresh));
    }
  }

  @Test
  @DisplayName("every visible command has a section, and hidden commands have none")
  void sections() {
    String md = CliReference.generate();
    for (String command :
        List.of(
            "pwk lint",
            "pwk lint-job-template",
            "pwk template",
            "pwk install",
            "pwk upgrade",
            "pwk rollback",
            "pwk uninstall",
            "pwk status",
            "pwk history",
            "pwk diff",
            "pwk docs",
            "pwk schema",
            "pwk show values",
            "pwk show chart",
            "pwk completion")) {
      assertTrue(md.contains("\n## `" + command + "`\n"), command);
      assertTrue(md.contains("(#" + CliReference.anchor(command) + ")"), command);
    }
    assertFalse(md.contains("__cds-training"));
    assertEquals("pwk-show-values", CliReference.anchor("pwk show values"));
  }

  private static String firstDifference(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "<end of file>";
      String y = i < b.size() ? b.get(i) : "<end of file>";
      if (!x.equals(y)) {
        return "line " + (i + 1) + "\n  file:      " + x + "\n  generated: " + y;
      }
    }
    return "line endings";
  }
}
