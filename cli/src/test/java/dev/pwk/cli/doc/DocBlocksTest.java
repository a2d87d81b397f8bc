package dev.pwk.cli.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DocBlocks reads tested shell sessions from Markdown")
class DocBlocksTest {

  @Nested
  @DisplayName("parse")
  class Parse {
    @TempDir Path dir;

    @Test
    @DisplayName("finds marked blocks, their commands, expected output and exit codes")
    void blocks() throws IOException {
      Path page = dir.resolve("page.md");
      Files.writeString(
          page,
          String.join(
              "\n",
              "# Page",
              "```console",
              "$ pwk untested",
              "```",
              "<!-- doc-test -->",
              "```console",
              "$ pwk lint a.yaml \\",
              "    --strict",
              "no problems in 1 file",
              "$ pwk lint b.yaml",
              "error",
              "",
              "# exit 1",
              "```",
              "<!-- doc-test: cluster -->",
              "",
              "```console",
              "$ pwk status w -n ns",
              "...",
              "```",
              ""));
      List<DocBlocks.Block> blocks = DocBlocks.parse(page);
      assertEquals(2, blocks.size());
      DocBlocks.Block first = blocks.get(0);
      assertEquals("", first.kind());
      assertEquals(5, first.line());
      assertEquals(2, first.commands().size());
      DocBlocks.Command lint = first.commands().get(0);
      assertEquals(List.of("lint", "a.yaml", "--strict"), lint.args());
      assertEquals(7, lint.line());
      assertEquals(List.of("no problems in 1 file"), lint.expected());
      assertEquals(0, lint.exitCode());
      assertEquals(List.of("error"), first.commands().get(1).expected());
      assertEquals(1, first.commands().get(1).exitCode());
      assertEquals("cluster", blocks.get(1).kind());
    }

    @Test
    @DisplayName("refuses a block whose commands are not pwk")
    void onlyPwk() throws IOException {
      Path page = dir.resolve("page.md");
      Files.writeString(page, "<!-- doc-test -->\n```sh\n$ kubectl get pods\n```\n");
      assertThrows(IllegalStateException.class, () -> DocBlocks.parse(page));
    }
  }

  @Nested
  @DisplayName("split")
  class Split {
    @Test
    @DisplayName("honours quotes and backslashes like a shell")
    void quoting() {
      assertEquals(
          List.of("pwk", "lint", "--set", "a=b c", "--set-literal", "x={{ y }}", "d e"),
          DocBlocks.split("pwk lint --set 'a=b c' --set-literal \"x={{ y }}\" d\\ e", "t"));
    }

    @Test
    @DisplayName("refuses what a shell would expand or redirect")
    void shellFeatures() {
      for (String command :
          List.of(
              "pwk lint a.yaml > out",
              "pwk lint a.yaml | tee",
              "pwk lint $FILE",
              "pwk lint *.yaml",
              "pwk lint --set a={b,c}",
              "pwk lint --set \"a=$HOME\"")) {
        assertThrows(IllegalStateException.class, () -> DocBlocks.split(command, "t"), command);
      }
    }
  }

  @Nested
  @DisplayName("matches")
  class Matches {
    @Test
    @DisplayName("compares line by line, ignoring trailing spaces and trailing blank lines")
    void exact() {
      assertTrue(DocBlocks.matches(List.of("a", "b"), List.of("a  ", "b", "")));
      assertFalse(DocBlocks.matches(List.of("a", "b"), List.of("a", "c")));
      assertFalse(DocBlocks.matches(List.of("a"), List.of("a", "b")));
    }

    @Test
    @DisplayName("lets a line '...' stand for any number of lines")
    void elidedLines() {
      assertTrue(DocBlocks.matches(List.of("a", "...", "d"), List.of("a", "b", "c", "d")));
      assertTrue(DocBlocks.matches(List.of("a", "...", "d"), List.of("a", "d")));
      assertTrue(DocBlocks.matches(List.of("a", "..."), List.of("a", "b")));
      assertFalse(DocBlocks.matches(List.of("a", "...", "d"), List.of("a", "b", "c")));
    }

    @Test
    @DisplayName("lets '...' inside a line stand for any text, unless the line matches as written")
    void elidedText() {
      assertTrue(DocBlocks.matches(List.of("UPDATED: ..."), List.of("UPDATED: 2026-11-25T17:53Z")));
      assertTrue(DocBlocks.matches(List.of("[FILE...]"), List.of("[FILE...]")));
      assertFalse(DocBlocks.matches(List.of("READY: ...!"), List.of("READY: yes")));
    }
  }
}
