package dev.pwk.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("references to docs/chart-spec.md")
class ChartSpecReferencesTest {
  /** The repository: this module's folder is {@code docs/}, which also holds the spec. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path SPEC = ROOT.resolve(ChartSpecReferences.DOCUMENT);

  @Test
  @DisplayName("every section sign in the Java sources names a section of docs/chart-spec.md")
  void repository() throws IOException {
    Set<String> sections = ChartSpecReferences.sections(Files.readString(SPEC));
    List<Path> sources = javaSources();
    List<String> problems = new ArrayList<>();
    int references = 0;
    for (Path source : sources) {
      String text = Files.readString(source);
      references += text.split(ChartSpecReferences.DOCUMENT + " \u00a7", -1).length - 1;
      problems.addAll(
          ChartSpecReferences.problems(ROOT.relativize(source).toString(), text, sections));
    }
    assertEquals(List.of(), problems);
    // The walk found the sources that cite the spec, so an empty list means something.
    assertTrue(references > 0, "no reference found in " + sources.size() + " Java files");
  }

  private static List<Path> javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !skipped(ROOT.relativize(p)))
          .sorted()
          .toList();
    }
  }

  /** Build output ({@code target}, {@code target-x}) and hidden folders are not sources. */
  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith("target") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Nested
  @DisplayName("the spec's sections")
  class Sections {
    @Test
    @DisplayName("are the numbers of its numbered headings, chapters and sections alike")
    void numbered() {
      String markdown =
          "# Title\n\n## 0. Conventions\n\n## 4. Templates\n\n### 4.10 Errors\n"
              + "#### not numbered\n## 9. Decisions\ntext ## 5. not a heading\n";
      assertEquals(
          List.of("0", "4", "4.10", "9"), List.copyOf(ChartSpecReferences.sections(markdown)));
    }

    @Test
    @DisplayName("of docs/chart-spec.md include those the code cites")
    void spec() throws IOException {
      Set<String> sections = ChartSpecReferences.sections(Files.readString(SPEC));
      assertTrue(
          sections.containsAll(List.of("1", "3", "4", "4.2", "4.10", "5")), sections::toString);
    }
  }

  @Nested
  @DisplayName("a source line")
  class Lines {
    private final Set<String> sections = Set.of("4", "4.6");

    @Test
    @DisplayName("that names the document and an existing section is fine")
    void resolvable() {
      assertEquals(
          List.of(),
          ChartSpecReferences.problems(
              "A.java",
              "/** (docs/chart-spec.md \u00a74.6) and docs/chart-spec.md \u00a74 */",
              sections));
    }

    @Test
    @DisplayName("with a bare \u00a7 is reported, even beside a good reference")
    void bare() {
      assertEquals(
          List.of("A.java:2: a \u00a7 that does not name docs/chart-spec.md"),
          ChartSpecReferences.problems(
              "A.java", "ok\n * (\u00a74.6), see docs/chart-spec.md \u00a74\n", sections));
    }

    @Test
    @DisplayName("that names a section the document does not have is reported")
    void missingSection() {
      assertEquals(
          List.of("A.java:1: docs/chart-spec.md has no \u00a74.7"),
          ChartSpecReferences.problems("A.java", "// docs/chart-spec.md \u00a74.7", sections));
    }
  }
}
