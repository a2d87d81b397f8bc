package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pwk.kube.Release;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every YAML fixture under {@code lint/}. A fixture marks each line that must produce a
 * finding with {@code # expect: <rule-id>[@column] ...}; findings and markers must match one to
 * one, so a fixture without markers must produce no finding at all.
 *
 * <p>A fixture that does not load (malformed YAML) is checked against {@link
 * ValuesValidator#inputFindings}. Header directives: {@code # lint: mode=partial} lints the file
 * alone without the chart defaults; {@code # lint: base=none} leaves out {@code _base.yaml} (which
 * otherwise comes first and supplies the required values); {@code # lint: release=NAME} sets the
 * release name.
 */
class LintFixturesTest {
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(.+)$");
  private static final Pattern TOKEN = Pattern.compile("([a-z0-9.-]+)(?:@(\\d+))?");
  private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*lint:\\s*(\\w+)=(\\S+)");
  private static final ValuesLoader LOADER = ValuesLoader.create();
  private static final ValuesValidator VALIDATOR = ValuesValidator.create();

  record Expectation(String ruleId, int line, int column) {
    boolean matches(Finding f) {
      return f.ruleId().equals(ruleId) && f.line() == line && (column < 0 || f.column() == column);
    }

    @Override
    public String toString() {
      return ruleId + " at line " + line + (column > 0 ? ":" + column : "");
    }
  }

  static Path dir() throws URISyntaxException {
    return Path.of(LintFixturesTest.class.getResource("/lint").toURI());
  }

  static Stream<Path> fixtures() throws IOException, URISyntaxException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir())) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
              .filter(p -> !p.getFileName().toString().startsWith("_"))
              .sorted()
              .toList();
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @DisplayName("each fixture produces exactly the findings its markers expect")
  void fixture(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Expectation> expected = new ArrayList<>();
    LintMode mode = LintMode.FULL;
    boolean base = true;
    Release release = Release.DEFAULT;
    for (int i = 0; i < lines.size(); i++) {
      Matcher d = DIRECTIVE.matcher(lines.get(i));
      if (d.find()) {
        switch (d.group(1)) {
          case "mode" -> mode = LintMode.valueOf(d.group(2).toUpperCase(java.util.Locale.ROOT));
          case "base" -> base = !d.group(2).equals("none");
          case "release" -> release = new Release(d.group(2), "default");
          default -> fail("unknown directive " + d.group(1));
        }
      }
      Matcher m = EXPECT.matcher(lines.get(i));
      if (m.find()) {
        Matcher t = TOKEN.matcher(m.group(1));
        while (t.find()) {
          int col = t.group(2) == null ? -1 : Integer.parseInt(t.group(2));
          expected.add(new Expectation(t.group(1), i + 1, col));
        }
      }
    }
    ValueInputs inputs =
        mode == LintMode.PARTIAL || !base
            ? ValueInputs.ofFiles(file)
            : ValueInputs.ofFiles(dir().resolve("_base.yaml"), file);
    LoadedValues values = null;
    List<Finding> findings;
    try {
      values = mode == LintMode.PARTIAL ? LOADER.loadWithoutDefaults(inputs) : LOADER.load(inputs);
      findings = new ArrayList<>(VALIDATOR.validate(values, mode, release));
    } catch (ValuesException e) {
      findings = new ArrayList<>(ValuesValidator.inputFindings(e));
    }
    List<String> problems = new ArrayList<>();
    for (Expectation e : expected) {
      Iterator<Finding> it = findings.iterator();
      boolean found = false;
      while (it.hasNext()) {
        Finding f = it.next();
        if (f.file().equals(file.toString()) && e.matches(f)) {
          it.remove();
          found = true;
          break;
        }
      }
      if (!found) {
        problems.add("missing: " + e);
      }
    }
    findings.forEach(f -> problems.add("unexpected: " + f + " (" + f.path() + ")"));
    if (!problems.isEmpty()) {
      fail(
          String.join("\n", problems) + "\nall findings:\n" + all(values, mode, release, findings));
    }
  }

  private static String all(
      LoadedValues values, LintMode mode, Release release, List<Finding> unmatched) {
    List<Finding> all = values == null ? unmatched : VALIDATOR.validate(values, mode, release);
    StringBuilder sb = new StringBuilder();
    all.forEach(f -> sb.append("  ").append(f).append('\n'));
    return sb.toString();
  }

  @Test
  @DisplayName("the base file alone over the chart defaults is clean")
  void baseIsClean() throws Exception {
    LoadedValues values = LOADER.load(ValueInputs.ofFiles(dir().resolve("_base.yaml")));
    assertTrue(VALIDATOR.validate(values, LintMode.FULL).isEmpty());
  }

  @Test
  @DisplayName("there are fixtures, and every expected rule id has a message")
  void fixturesExist() throws Exception {
    List<Path> all = fixtures().toList();
    assertFalse(all.isEmpty());
    for (Path p : all) {
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        Matcher m = EXPECT.matcher(line);
        if (m.find()) {
          Matcher t = TOKEN.matcher(m.group(1));
          while (t.find()) {
            String id = t.group(1);
            assertTrue(
                id.startsWith(ValuesValidator.INPUT_RULE_PREFIX)
                    || Messages.keys().stream()
                        .anyMatch(k -> k.equals(id) || k.startsWith(id + ".")),
                p.getFileName() + ": no message for rule " + id);
          }
        }
      }
    }
  }

  static LoadedValues load(Path... files) throws ValuesException {
    return LOADER.load(ValueInputs.ofFiles(files));
  }
}
