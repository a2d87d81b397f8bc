package dev.pwk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.kube.Release;
import dev.pwk.pipeline.testing.ManifestOnlyRules;
import dev.pwk.renderer.ManifestValidator;
import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.Renderer;
import dev.pwk.values.Finding;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.testing.ConformanceCase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pwk lint} and {@code pwk template --validate} agree: both see the same findings about the
 * values, and a value the API server would reject is an error in both, whether a value rule or a
 * manifest check finds it. Runs over the whole conformance corpus and over one fixture per shared
 * rule ({@code agreement/}); the cli's {@code LintTemplateAgreementTest} runs the same through the
 * commands.
 */
@DisplayName("lint and template --validate agree")
class AgreementTest {
  private static final Pipeline PIPELINE = Pipeline.create();
  private static final Pattern SHARED = Pattern.compile("^# shared: (\\S+) (\\S+)$");

  static final Map<String, String> LINT_DOES_NOT_FAIL = ManifestOnlyRules.LINT_DOES_NOT_FAIL;

  static Stream<ConformanceCase> corpus() {
    return ConformanceCase.all().stream();
  }

  static Stream<Path> fixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(AgreementTest.class.getResource("/agreement").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .sorted()
          .toList()
          .stream();
    }
  }

  static ValueInputs fixtureInputs(Path fixture) {
    return ValueInputs.builder()
        .file(fixture.resolveSibling("_required.yaml"))
        .file(fixture)
        .build();
  }

  private static PipelineResult lint(ValueInputs inputs, Release release) {
    return PIPELINE.run(PipelineRequest.builder(inputs).release(release).build());
  }

  private static PipelineResult templateValidate(ValueInputs inputs, Release release) {
    return PIPELINE.run(
        PipelineRequest.builder(inputs).release(release).validateManifests(true).build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @DisplayName("every conformance case: the same value findings, and the same verdict")
  void corpusAgrees(ConformanceCase c) {
    Release release = new Release(c.release(), c.namespace());
    PipelineResult lint = lint(c.inputs(), release);
    PipelineResult validated = templateValidate(c.inputs(), release);
    assertEquals(
        lint.findings(),
        validated.findings().stream()
            .filter(f -> !f.file().equals(Pipeline.RENDERED_MANIFESTS))
            .toList(),
        c.name());
    if (lint.hasErrors() || !validated.hasErrors()) {
      assertEquals(lint.hasErrors(), validated.hasErrors(), c.name());
      return;
    }
    for (Finding f : validated.findings()) {
      if (f.severity() != Severity.ERROR) {
        continue;
      }
      String family = LINT_DOES_NOT_FAIL.get(f.ruleId());
      assertTrue(family != null, c.name() + ": only template --validate fails: " + f);
      if (!family.isEmpty()) {
        assertTrue(
            lint.findings().stream()
                .anyMatch(w -> w.severity() == Severity.WARNING && w.ruleId().startsWith(family)),
            c.name() + ": lint does not warn about " + f);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @DisplayName("a fixture per shared rule: an error in lint, an error in the manifest check")
  void sharedRuleAgrees(Path fixture) throws Exception {
    Matcher shared = SHARED.matcher(Files.readAllLines(fixture, StandardCharsets.UTF_8).get(0));
    assertTrue(
        shared.matches(), fixture + " must start with '# shared: <lint rule> <manifest rule>'");
    String valueRule = shared.group(1);
    String manifestRule = shared.group(2);
    ValueInputs inputs = fixtureInputs(fixture);

    PipelineResult lint = lint(inputs, Release.DEFAULT);
    assertTrue(
        lint.findings().stream()
            .anyMatch(f -> f.severity() == Severity.ERROR && f.ruleId().equals(valueRule)),
        "lint: " + lint.findings());
    PipelineResult validated = templateValidate(inputs, Release.DEFAULT);
    assertTrue(
        validated.hasErrors() && validated.rendering().isEmpty(), validated.findings()::toString);

    // The manifest check on its own, past the value rules, judges the rendered object the same.
    List<Finding> manifest =
        ManifestValidator.create()
            .validate(
                Renderer.create()
                    .render(ValuesLoader.create().load(inputs), RenderOptions.defaults()));
    assertTrue(
        manifest.stream()
            .anyMatch(f -> f.severity() == Severity.ERROR && f.ruleId().equals(manifestRule)),
        "manifest check: " + manifest);
  }
}
