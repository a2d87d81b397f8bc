package dev.pwk.docs.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Files the user guide shows are shown verbatim: each block between {@code <!-- example: PATH -->}
 * and {@code <!-- /example -->} in docs/guide/*.md must be one fenced block equal to the file at
 * PATH (relative to the repository root). That covers the Java examples of library.md, which the
 * tests of their own modules compile and run, and the example values files.
 */
@DisplayName("docs/guide shows example files verbatim")
class GuideExamplesTest {
  /** The repository root, seen from the docs module directory (the tests' working directory). */
  static final Path ROOT = Path.of("..");

  static final Path GUIDE = Path.of("guide");

  private static final Pattern EXAMPLE =
      Pattern.compile(
          "<!-- example: (\\S+) -->\\n```[a-z]*\\n(.*?)```\\n<!-- /example -->", Pattern.DOTALL);
  private static final Pattern OPENING = Pattern.compile("<!-- example: (\\S+) -->");
  private static final List<String> MODULES =
      List.of("values-schema", "validator", "renderer", "pipeline", "release", "cli");

  /** A block of a guide page: the page, the file it names and the text it shows. */
  record Block(Path page, String path, String text) {}

  static List<Block> blocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    List<Path> pages;
    try (Stream<Path> files = Files.list(GUIDE)) {
      pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    for (Path page : pages) {
      String text = Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
      Matcher m = EXAMPLE.matcher(text);
      int found = 0;
      while (m.find()) {
        blocks.add(new Block(page, m.group(1), m.group(2)));
        found++;
      }
      long openings = OPENING.matcher(text).results().count();
      assertEquals(
          openings,
          found,
          () ->
              "docs/"
                  + page
                  + ": every '<!-- example: PATH -->' must be followed by exactly one fenced block"
                  + " and '<!-- /example -->'");
    }
    return blocks;
  }

  @TestFactory
  @DisplayName("each example block equals its file")
  Stream<DynamicTest> blocksEqualFiles() throws IOException {
    List<Block> blocks = blocks();
    assertFalse(blocks.isEmpty(), "docs/guide has no example blocks");
    return blocks.stream()
        .map(
            b ->
                DynamicTest.dynamicTest(
                    b.page().getFileName() + ": " + b.path(),
                    () -> {
                      Path file = ROOT.resolve(b.path());
                      assertTrue(Files.isRegularFile(file), b.path() + " does not exist");
                      String source =
                          Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                      assertEquals(
                          source,
                          b.text(),
                          () ->
                              "docs/"
                                  + b.page()
                                  + " shows "
                                  + b.path()
                                  + " differently from the file; paste the file between its"
                                  + " markers again");
                    }));
  }

  @Test
  @DisplayName("library.md shows every example class of the library modules")
  void everyExampleClassIsShown() throws IOException {
    TreeSet<String> shown = new TreeSet<>();
    for (Block b : blocks()) {
      if (b.page().getFileName().toString().equals("library.md")) {
        shown.add(b.path());
      }
    }
    TreeSet<String> missing = new TreeSet<>();
    for (String module : MODULES) {
      Path tests = ROOT.resolve(module).resolve(Path.of("src", "test", "java"));
      if (!Files.isDirectory(tests)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(tests)) {
        files
            .filter(p -> p.getFileName().toString().endsWith("Example.java"))
            .filter(p -> p.getParent().getFileName().toString().equals("examples"))
            .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
            .filter(p -> !shown.contains(p))
            .forEach(missing::add);
      }
    }
    assertTrue(missing.isEmpty(), "example classes missing from docs/guide/library.md: " + missing);
  }
}
