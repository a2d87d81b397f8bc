package dev.pwk.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("check mode")
class DocsCheckTest {
  @Test
  @DisplayName("identical text is fresh and has no diff")
  void fresh() {
    DocsCheck check = DocsCheck.compare("README.md", "same\n", "same\n");
    assertFalse(check.stale());
    assertEquals("", check.diff());
    assertEquals("README.md", check.fileName());
  }

  @Test
  @DisplayName("different text is stale, with a diff from the file to the fresh output")
  void stale() {
    DocsCheck check = DocsCheck.compare("docs/README.md", "old\n", "new\n");
    assertTrue(check.stale());
    assertEquals(
        "--- a/docs/README.md\n+++ b/docs/README.md\n@@ -1 +1 @@\n-old\n+new\n", check.diff());
  }

  @Test
  @DisplayName("a trailing new line alone makes a file stale")
  void trailingNewline() {
    DocsCheck check = DocsCheck.compare("R", "a\nb", "a\nb\n");
    assertTrue(check.stale());
    assertTrue(check.diff().contains("\\ No newline at end of file\n"));
  }

  @Test
  @DisplayName("the chart README check compares with the generator's output")
  void chartReadme() throws DocsException {
    DocsGenerator generator = DocsGenerator.create();
    String fresh = generator.renderChartReadme();
    assertFalse(generator.checkChartReadme("docs/chart-README.md", fresh).stale());
    String edited = fresh.replace("## Overview\n", "## Overview\n\nA hand edit.\n");
    DocsCheck check = generator.checkChartReadme("docs/chart-README.md", edited);
    assertTrue(check.stale());
    assertTrue(check.diff().contains("\n-A hand edit.\n"), check.diff());
    assertTrue(generator.checkChartReadme("docs/chart-README.md", "").stale());
  }

  @Test
  @DisplayName("stale and diff must agree")
  void invariant() {
    assertThrows(IllegalArgumentException.class, () -> new DocsCheck("f", true, ""));
    assertThrows(IllegalArgumentException.class, () -> new DocsCheck("f", false, "-x\n"));
  }
}
