package dev.pwk.docs.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hook table of docs/guide/ci.md says what {@code .pre-commit-hooks.yaml} does: one row per
 * hook, its command, and the file names it runs on. The names are the backticked globs of the row's
 * last column; a hook's {@code files:} regex (searched in the path, as pre-commit does) must match
 * exactly the paths whose file name one of its globs matches, among names made from every glob of
 * the table and a few that no hook should take.
 */
@DisplayName("docs/guide/ci.md describes .pre-commit-hooks.yaml as it is")
class PreCommitHooksTest {
  private static final Path HOOKS = GuideExamplesTest.ROOT.resolve(".pre-commit-hooks.yaml");
  private static final Path CI_PAGE = GuideExamplesTest.GUIDE.resolve("ci.md");
  private static final Pattern ROW =
      Pattern.compile("^\\| `([a-z-]+)` \\| `([^`]+)` \\| (.+) \\|$", Pattern.MULTILINE);
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final List<String> STARS = List.of("", "-prod", "x.y");
  private static final List<String> OTHER_NAMES =
      List.of(
          "README.md",
          "Chart.yaml",
          "values.json",
          "my-values.yaml",
          "values.yaml.bak",
          "README.md.gotmpl.bak",
          "base-job-template.yaml",
          "workers.txt");

  /** A row of the table: the hook's command as documented and the globs of its file names. */
  private record Row(String runs, List<String> globs) {}

  private static JsonNode hooks;
  private static Map<String, Row> rows;

  @BeforeAll
  static void read() throws IOException {
    hooks = new ObjectMapper(new YAMLFactory()).readTree(HOOKS.toFile());
    rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(Files.readString(CI_PAGE, StandardCharsets.UTF_8));
    while (m.find()) {
      List<String> globs = new ArrayList<>();
      BACKTICKED.matcher(m.group(3)).results().forEach(r -> globs.add(r.group(1)));
      rows.put(m.group(1), new Row(m.group(2), globs));
    }
  }

  @Test
  @DisplayName("the table has one row per hook, and each row names the hook's command")
  void oneRowPerHook() {
    List<String> ids = new ArrayList<>();
    hooks.forEach(h -> ids.add(h.path("id").asText()));
    assertEquals(ids, List.copyOf(rows.keySet()), "hooks in .pre-commit-hooks.yaml vs ci.md");
    for (JsonNode hook : hooks) {
      boolean passesFiles = hook.path("pass_filenames").asBoolean(true);
      String runs = hook.path("entry").asText() + (passesFiles ? " FILE..." : "");
      assertEquals(runs, rows.get(hook.path("id").asText()).runs(), hook.path("id").asText());
    }
  }

  @TestFactory
  @DisplayName("each hook's files: regex takes exactly the file names its row lists")
  Stream<DynamicTest> filesAgreeWithTheTable() {
    List<String> paths = samplePaths();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode hook : hooks) {
      String id = hook.path("id").asText();
      tests.add(
          DynamicTest.dynamicTest(
              id,
              () -> {
                List<String> globs = rows.get(id).globs();
                assertFalse(globs.isEmpty(), id + ": its row names no files");
                Pattern files = Pattern.compile(hook.path("files").asText());
                List<String> disagreements = new ArrayList<>();
                for (String path : paths) {
                  String name = path.substring(path.lastIndexOf('/') + 1);
                  boolean documented = globs.stream().anyMatch(g -> globMatches(g, name));
                  if (documented != files.matcher(path).find()) {
                    disagreements.add((documented ? "doc only: " : "files: only: ") + path);
                  }
                }
                assertTrue(disagreements.isEmpty(), id + ": " + disagreements);
              }));
    }
    return tests.stream();
  }

  @Test
  @DisplayName("pwk-docs runs when README.md.gotmpl or a values.yaml changes")
  void docsHookTriggersOnTemplateAndValues() {
    for (JsonNode hook : hooks) {
      if (hook.path("id").asText().equals("pwk-docs")) {
        Pattern files = Pattern.compile(hook.path("files").asText());
        assertTrue(files.matcher("charts/worker/README.md.gotmpl").find());
        assertTrue(files.matcher("charts/worker/values.yaml").find());
        assertFalse(files.matcher("charts/worker/README.md").find());
        return;
      }
    }
    throw new AssertionError("no pwk-docs hook");
  }

  /** Names made from every glob of the table, bare and in a folder, plus names no hook takes. */
  private static List<String> samplePaths() {
    TreeSet<String> names = new TreeSet<>(OTHER_NAMES);
    for (Row row : rows.values()) {
      for (String glob : row.globs()) {
        for (String star : STARS) {
          names.add(glob.replace("*", star));
        }
      }
    }
    List<String> paths = new ArrayList<>();
    for (String name : names) {
      paths.add(name);
      paths.add("deploy/prod/" + name);
    }
    return paths;
  }

  private static boolean globMatches(String glob, String name) {
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append("[^/]*");
      }
      regex.append(Pattern.quote(part));
    }
    return name.matches(regex.toString());
  }
}
