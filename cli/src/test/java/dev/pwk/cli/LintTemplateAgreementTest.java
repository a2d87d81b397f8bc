package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.pipeline.testing.ManifestOnlyRules;
import dev.pwk.values.testing.ConformanceCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pwk lint} and {@code pwk template --validate} give the same verdict on the same values:
 * the whole conformance corpus, and the pipeline module's fixture per shared rule (its {@code
 * AgreementTest} checks the same through the library, finding by finding).
 */
@DisplayName("pwk lint and pwk template --validate agree")
class LintTemplateAgreementTest {
  private static final Path FIXTURES =
      Path.of("..", "pipeline", "src", "test", "resources", "agreement");
  private static final Pattern ERROR_RULE = Pattern.compile(": error: .* \\[([a-z0-9.-]+)\\]$");

  /**
   * Manifest errors {@code pwk lint} does not fail on, as the pipeline's {@code AgreementTest}
   * lists them: names the chart renders (lint warns), the label values it derives from them, and
   * mounts and tolerations no value rule checks.
   */
  private static final Map<String, String> LINT_DOES_NOT_FAIL =
      ManifestOnlyRules.LINT_DOES_NOT_FAIL;

  static Stream<ConformanceCase> corpus() {
    return ConformanceCase.all().stream();
  }

  static Stream<Path> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static List<String> valueArgs(ConformanceCase c) {
    List<String> args = new ArrayList<>(List.of("-n", c.namespace()));
    c.inputs().files().forEach(f -> args.addAll(List.of("-f", f.toString())));
    c.inputs().setJson().forEach(a -> args.addAll(List.of("--set-json", a)));
    c.inputs().set().forEach(a -> args.addAll(List.of("--set", a)));
    c.inputs().setString().forEach(a -> args.addAll(List.of("--set-string", a)));
    c.inputs().setFile().forEach(a -> args.addAll(List.of("--set-file", a)));
    return args;
  }

  private static CliRun lint(String release, List<String> valueArgs) {
    List<String> args = new ArrayList<>(List.of("lint", "--no-color", "--release", release));
    args.addAll(valueArgs);
    return CliRun.of(args.toArray(String[]::new));
  }

  private static CliRun templateValidate(String release, List<String> valueArgs) {
    List<String> args = new ArrayList<>(List.of("template", release, "--validate", "--no-color"));
    args.addAll(valueArgs);
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<String> errorRules(String text) {
    List<String> rules = new ArrayList<>();
    for (String line : text.lines().toList()) {
      Matcher m = ERROR_RULE.matcher(line);
      if (m.find()) {
        rules.add(m.group(1));
      }
    }
    return rules;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @DisplayName("every conformance case: the same exit code, but for the listed manifest rules")
  void corpusAgrees(ConformanceCase c) {
    CliRun lint = lint(c.release(), valueArgs(c));
    CliRun template = templateValidate(c.release(), valueArgs(c));
    if (lint.exitCode() == template.exitCode()) {
      return;
    }
    assertEquals(0, lint.exitCode(), () -> c.name() + "\n" + lint + "\n" + template);
    for (String rule : errorRules(template.err())) {
      String warning = LINT_DOES_NOT_FAIL.get(rule);
      assertTrue(warning != null, () -> c.name() + ": only template --validate fails\n" + template);
      assertTrue(
          warning.isEmpty() || lint.out().contains("[" + warning),
          () -> c.name() + ": lint does not warn\n" + lint);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @DisplayName("a fixture per shared rule: both fail, on the rule the fixture names")
  void sharedRuleAgrees(Path fixture) throws IOException {
    String valueRule = Files.readAllLines(fixture).get(0).split(" ")[2];
    List<String> args =
        List.of("-f", FIXTURES.resolve("_required.yaml").toString(), "-f", fixture.toString());
    CliRun lint = lint("release-name", args);
    CliRun template = templateValidate("release-name", args);
    assertEquals(1, lint.exitCode(), lint::toString);
    assertTrue(errorRules(lint.out()).contains(valueRule), lint::toString);
    assertEquals(1, template.exitCode(), template::toString);
    assertTrue(errorRules(template.err()).contains(valueRule), template::toString);
    assertEquals("", template.out());
  }
}
