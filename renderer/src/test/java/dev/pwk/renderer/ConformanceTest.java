package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.testing.ConformanceCase;
import dev.pwk.values.testing.ManifestComparator;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Conformance corpus: every render case is Kubernetes-equivalent to helm template")
class ConformanceTest {

  static Stream<ConformanceCase> renderCases() {
    return ConformanceCase.renderCases().stream();
  }

  /** Error cases that fail in a template ({@code required}) rather than in the schema. */
  static Stream<ConformanceCase> templateErrorCases() {
    return ConformanceCase.errorCases().stream()
        .filter(c -> c.expectedError().startsWith("Error: execution error"));
  }

  static Stream<ConformanceCase> renderedCases() {
    return ConformanceCase.renderedCases().stream();
  }

  /**
   * Cases Helm renders into what the API server rejects, which the renderer refuses with a rule id
   * (the validator's ConformanceTest and the cli's TemplateParityTest check those that a value rule
   * refuses before rendering).
   */
  static Stream<ConformanceCase> refusedCases() {
    return ConformanceCase.refusedCases().stream().filter(ConformanceCase::refusedWhileRendering);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderedCases")
  void rendersLikeHelm(ConformanceCase c) {
    Rendering r = TestValues.render(TestValues.load(c), TestValues.options(c));
    List<String> diffs =
        ManifestComparator.compare(c.expectedYaml(), r.toYaml(), c.divergence().isPresent());
    assertTrue(diffs.isEmpty(), () -> c.name() + ":\n  " + String.join("\n  ", diffs));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedCases")
  @DisplayName("a render the API server would reject is refused, naming the case's rule")
  void refusesWhatTheApiServerRejects(ConformanceCase c) {
    RenderException e =
        assertThrows(
            RenderException.class,
            () -> Renderer.create().render(TestValues.load(c), TestValues.options(c)));
    String rule = c.acceptRefusalMentioning().orElseThrow();
    assertTrue(
        e.findings().stream().anyMatch(f -> f.ruleId().equals(rule)),
        () -> c.name() + ": refused without " + rule + ": " + e.findings());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateErrorCases")
  void failsWithHelmsMessage(ConformanceCase c) {
    RenderException e =
        assertThrows(
            RenderException.class,
            () -> Renderer.create().render(TestValues.load(c), TestValues.options(c)));
    String firstLine = c.expectedError().lines().findFirst().orElseThrow();
    assertEquals(firstLine, "Error: " + e.getMessage());
    String chartMessage = firstLine.substring(firstLine.indexOf("): ") + 3);
    assertEquals(1, e.findings().size());
    assertEquals(chartMessage, e.findings().get(0).message());
    assertEquals("chart.required", e.findings().get(0).ruleId());
  }

  static Stream<ConformanceCase> templateFailureCases() {
    return ConformanceCase.errorCases().stream().filter(ConformanceCase::failsInTemplates);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateFailureCases")
  @DisplayName("values on which Helm's templates fail (or print invalid YAML) are refused")
  void refusesWhatHelmCannotRender(ConformanceCase c) {
    RenderException e =
        assertThrows(
            RenderException.class,
            () -> Renderer.create().render(TestValues.load(c), TestValues.options(c)));
    assertTrue(
        e.findings().stream()
            .allMatch(
                f ->
                    f.ruleId().equals(RawInsertion.RULE)
                        || f.ruleId().equals(FreeForm.RENDER_TYPE)),
        () -> c.name() + ": " + e.findings());
  }

  @Test
  @DisplayName("the corpus has the expected number of cases")
  void corpusIsComplete() {
    assertEquals(168, ConformanceCase.renderCases().size());
    assertEquals(9, templateFailureCases().count());
    assertEquals(9, refusedCases().count());
    assertEquals(11, templateErrorCases().count());
  }

  /**
   * The cases marked with a {@code divergence} pass through the equivalence rules above; these
   * tests pin what the Java renderer emits instead of the upstream bug.
   */
  @Nested
  @DisplayName("deliberate divergences")
  class Divergences {
    private Rendered render(String name) {
      ConformanceCase c = ConformanceCase.named(name);
      return Rendered.of(TestValues.render(TestValues.load(c), TestValues.options(c)));
    }

    @Test
    @DisplayName("docs/divergences.md lists exactly the cases that carry a divergence")
    void registryListsEveryDivergence() throws IOException {
      Path registry = null;
      for (Path p = ConformanceCase.corpusDir(); p != null && registry == null; p = p.getParent()) {
        Path candidate = p.resolve("docs").resolve("divergences.md");
        registry = Files.isRegularFile(candidate) ? candidate : null;
      }
      assertTrue(registry != null, "docs/divergences.md not found above the corpus");
      Matcher entry =
          Pattern.compile("(?m)^### `([a-z0-9-]+)`$").matcher(Files.readString(registry));
      List<String> listed = new ArrayList<>();
      while (entry.find()) {
        listed.add(entry.group(1));
      }
      listed.sort(null);
      assertEquals(
          ConformanceCase.all().stream()
              .filter(c -> c.divergence().isPresent())
              .map(ConformanceCase::name)
              .toList(),
          listed);
    }

    @Test
    @DisplayName("every case pwk refuses is a documented divergence")
    void refusalsAreDivergences() {
      assertTrue(ConformanceCase.refusedCases().stream().allMatch(c -> c.divergence().isPresent()));
    }

    @Test
    @DisplayName("sc-bjt-map-form: a map-form base job template is compact JSON text, keys sorted")
    void mapFormBaseJobTemplate() {
      String data = render("sc-bjt-map-form").configMap().getData().get("baseJobTemplate.json");
      assertEquals(
          "{\"job_configuration\":{\"namespace\":\"{{ namespace }}\"},"
              + "\"variables\":{\"properties\":{\"namespace\":"
              + "{\"default\":\"prefect\",\"type\":\"string\"}}}}",
          data);
    }

    @Test
    @DisplayName("sc-div-raw-number-priority-class: the string the user wrote, not Helm's 16")
    void rawNumberStaysString() {
      Rendered r = render("sc-div-raw-number-priority-class");
      assertEquals("0x10", r.pod().getPriorityClassName());
      assertTrue(r.rendering().toYaml().contains("priorityClassName: \"0x10\"\n"));
    }

    @Test
    @DisplayName("map-form JSON keeps < > & as they are (no Go HTML escaping)")
    void noHtmlEscaping() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required(
                      "worker:\n  config:\n    baseJobTemplate:\n      configuration:\n"
                          + "        b: 2\n        a: \"x<y & z>\"\n")));
      assertEquals(
          "{\"a\":\"x<y & z>\",\"b\":2}", r.configMap().getData().get("baseJobTemplate.json"));
    }

    @Test
    @DisplayName("sc-div-duplicate-common-label: the user's label replaces the chart's, once")
    void duplicateLabel() {
      Rendered r = render("sc-div-duplicate-common-label");
      for (RenderedObject o : r.rendering().objects()) {
        Map<String, String> labels = o.object().getMetadata().getLabels();
        assertEquals("prefect-agent", labels.get("app.kubernetes.io/component"), o.source());
        assertEquals("data", labels.get("team"), o.source());
      }
      Map<String, String> pod = r.deployment().getSpec().getTemplate().getMetadata().getLabels();
      assertEquals("worker", pod.get("app.kubernetes.io/component"));
    }

    @Test
    @DisplayName("sc-div-numeric-work-queue: work queues and extraArgs are strings in args")
    void stringArgs() {
      Rendered r = render("sc-div-numeric-work-queue");
      List<String> args = r.c0().getArgs();
      assertEquals("2024", args.get(8));
      assertEquals("30", args.get(args.size() - 1));
      String yaml = r.rendering().toYaml();
      assertTrue(yaml.contains("- \"2024\"\n"), yaml);
      assertTrue(yaml.contains("- \"30\"\n"), yaml);
    }

    @Test
    @DisplayName("env values are strings even when extra env gives a number or boolean")
    void stringEnvValues() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required(
                      "worker:\n"
                          + "  extraEnvVars: [{name: NUM, value: 30}, {name: BOOL, value: true}]\n"
                          + "  extraContainers: [{name: side, image: i, args: [1.5], env: [{name:"
                          + " F, value: 1000000.0}]}]\n")));
      assertEquals("30", Rendered.env(r.c0(), "NUM").getValue());
      assertEquals("true", Rendered.env(r.c0(), "BOOL").getValue());
      assertEquals(List.of("1.5"), r.pod().getContainers().get(1).getArgs());
      assertEquals("1e+06", Rendered.env(r.pod().getContainers().get(1), "F").getValue());
    }
  }
}
