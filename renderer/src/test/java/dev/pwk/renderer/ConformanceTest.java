package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.testing.ConformanceCase;
import java.util.List;
import java.util.Map;
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderCases")
  void rendersLikeHelm(ConformanceCase c) {
    Rendering r = TestValues.render(TestValues.load(c), TestValues.options(c));
    List<String> diffs = ManifestComparator.compare(c.expectedYaml(), r.toYaml());
    assertTrue(diffs.isEmpty(), () -> c.name() + ":\n  " + String.join("\n  ", diffs));
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

  @Test
  @DisplayName("the corpus has the expected number of cases")
  void corpusIsComplete() {
    assertEquals(134, ConformanceCase.renderCases().size());
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
    @DisplayName("exactly the three documented cases carry a divergence")
    void documentedCases() {
      assertEquals(
          List.of("sc-bjt-map-form", "sc-div-duplicate-common-label", "sc-div-numeric-work-queue"),
          ConformanceCase.all().stream()
              .filter(c -> c.divergence().isPresent())
              .map(ConformanceCase::name)
              .toList());
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
