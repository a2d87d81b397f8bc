package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pwk.kube.FieldChecks;
import dev.pwk.kube.PodRules;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesLoader;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every base job template fixture under {@code jobtemplate/}: each {@code NAME.json} has a
 * {@code NAME.expect} beside it that lists the findings it must produce, one per line, as
 *
 * <pre>
 * RULE-ID `ANCHOR`        the finding is where ANCHOR first occurs in the JSON
 * RULE-ID `ANCHOR`#N      ... where it occurs for the N-th time
 * </pre>
 *
 * <p>The caret goes under ANCHOR's first character, or under the character after a {@code ^}
 * written inside it ({@code `"restartPolicy": ^"Always"`}). Lines starting with {@code #} are
 * comments. Findings and lines must match one to one, so an {@code .expect} without lines means the
 * fixture is clean; nobody writes line or column numbers. Each fixture is linted twice: alone, and
 * as {@code --set-file worker.config.baseJobTemplate.configuration=NAME.json} over the chart
 * values, where the findings must be the same, at the same places in the same file.
 */
class JobTemplateFixturesTest {
  private static final Pattern EXPECT =
      Pattern.compile("^([a-z0-9.-]+)\\s+`(.*)`(?:#(\\d+))?\\s*$");
  private static final JobTemplateValidator VALIDATOR = JobTemplateValidator.create();
  private static final String CONFIGURATION = "/worker/config/baseJobTemplate/configuration";

  record Expectation(String ruleId, int line, int column, String anchor) {
    boolean matches(Finding f) {
      return f.ruleId().equals(ruleId) && f.line() == line && f.column() == column;
    }

    @Override
    public String toString() {
      return ruleId + " at " + line + ":" + column + " (`" + anchor + "`)";
    }
  }

  static Path dir() throws URISyntaxException {
    return Path.of(JobTemplateFixturesTest.class.getResource("/jobtemplate").toURI());
  }

  static Stream<Path> fixtures() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  /** The expectations of a fixture, positions derived from its anchors. */
  static List<Expectation> expectations(Path json) throws IOException {
    String text = Files.readString(json, StandardCharsets.UTF_8);
    Path expect = sidecar(json);
    assertTrue(Files.exists(expect), json.getFileName() + " has no " + expect.getFileName());
    List<Expectation> out = new ArrayList<>();
    for (String line : Files.readAllLines(expect, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = EXPECT.matcher(line);
      assertTrue(m.matches(), expect.getFileName() + ": not RULE-ID `ANCHOR`[#N]: " + line);
      String anchor = m.group(2);
      int caret = Math.max(0, anchor.indexOf('^'));
      String plain = anchor.replace("^", "");
      int occurrence = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      int at = -1;
      for (int i = 0; i < occurrence; i++) {
        at = text.indexOf(plain, at + 1);
        assertTrue(at >= 0, expect.getFileName() + ": anchor not found: " + line);
      }
      int offset = at + caret;
      int lineNo = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
      int column = offset - text.lastIndexOf('\n', offset - 1);
      out.add(new Expectation(m.group(1), lineNo, column, anchor));
    }
    return out;
  }

  private static Path sidecar(Path json) {
    String name = json.getFileName().toString();
    return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expect");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @DisplayName("each fixture, linted alone, produces exactly the findings its .expect lists")
  void alone(Path json) throws Exception {
    String name = json.getFileName().toString();
    List<Finding> findings =
        VALIDATOR.validate(name, Files.readString(json, StandardCharsets.UTF_8));
    compare(expectations(json), findings, name, findings);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @DisplayName("each fixture, given with --set-file, produces the same findings in the same file")
  void throughSetFile(Path json) throws Exception {
    LoadedValues values =
        ValuesLoader.create()
            .load(
                ValueInputs.builder()
                    .file(LintFixturesTest.dir().resolve("_base.yaml"))
                    .setFile("worker.config.baseJobTemplate.configuration=" + json)
                    .build());
    List<Finding> all = ValuesValidator.create().validate(values, LintMode.FULL);
    List<Finding> inTemplate =
        all.stream().filter(f -> f.ruleId().startsWith("base-job-template.")).toList();
    for (Finding f : inTemplate) {
      assertEquals(json.toString(), f.file(), f::toString);
      assertTrue(f.path().startsWith(CONFIGURATION), f::toString);
    }
    compare(expectations(json), inTemplate, json.getFileName().toString(), all);
  }

  private static void compare(
      List<Expectation> expected, List<Finding> findings, String name, List<Finding> all) {
    List<Finding> left = new ArrayList<>(findings);
    List<String> problems = new ArrayList<>();
    for (Expectation e : expected) {
      boolean found = false;
      for (Iterator<Finding> it = left.iterator(); it.hasNext(); ) {
        if (e.matches(it.next())) {
          it.remove();
          found = true;
          break;
        }
      }
      if (!found) {
        problems.add("missing: " + e);
      }
    }
    left.forEach(f -> problems.add("unexpected: " + f + " (" + f.path() + ")"));
    if (!problems.isEmpty()) {
      fail(
          name
              + ":\n"
              + String.join("\n", problems)
              + "\nall findings:\n"
              + all.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
    }
  }

  @Test
  @DisplayName(
      "every .expect belongs to a fixture, and every rule of the template (the Job pod's too) has"
          + " a fixture")
  void complete() throws Exception {
    Set<String> covered = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir())) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".expect")) {
          Path json = p.resolveSibling(name.replace(".expect", ".json"));
          assertTrue(Files.exists(json), name + " has no fixture");
          expectations(json).forEach(e -> covered.add(e.ruleId()));
        }
      }
    }
    Set<String> rules = new TreeSet<>();
    for (Class<?> c :
        List.of(JobTemplateCheck.class, VariablesSchemaCheck.class, JobManifestCheck.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())
            && f.getType() == String.class
            && !f.getName().startsWith("MSG_")
            && !f.getName().endsWith("_FAMILY")) {
          f.setAccessible(true);
          String id = (String) f.get(null);
          if (id.startsWith("base-job-template.")) {
            rules.add(id);
          }
        }
      }
    }
    rules.add(BaseJobTemplateRules.INVALID_JSON);
    for (Class<?> c : List.of(FieldChecks.class, PodRules.class)) {
      for (Field f : c.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          String id = (String) f.get(null);
          if (id.startsWith(FieldChecks.FAMILY + ".")) {
            rules.add(JobManifestCheck.POD_FAMILY + id.substring(FieldChecks.FAMILY.length()));
          }
        }
      }
    }
    assertFalse(rules.isEmpty());
    Set<String> missing = new TreeSet<>(rules);
    missing.removeAll(covered);
    assertEquals(Set.of(), missing, "rules without a fixture");
  }
}
