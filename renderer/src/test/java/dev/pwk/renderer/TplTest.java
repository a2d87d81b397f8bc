package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValuesContract;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("tpl: the supported subset of Go templates in values")
class TplTest {

  private static Tpl tpl(LoadedValues values, Problems problems) {
    RenderOptions options = TestValues.options().releaseName("myrel").namespace("relns").build();
    WorkerValues v = new WorkerValues(values, problems);
    Names names = Names.derive(v, options, ValuesContract.chart());
    return new Tpl(names, ValuesContract.chart(), values.tree(), problems);
  }

  private static String eval(String text) throws Tpl.Failure {
    LoadedValues values =
        TestValues.required(
            "fullnameOverride: \"\"\nworker:\n  replicaCount: 3\n  image: {debug: false}\n");
    return tpl(values, new Problems(values)).evaluate(text);
  }

  @Nested
  @DisplayName("supported expressions")
  class Supported {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{{ .Release.Name }}-team|myrel-team",
          "{{ .Release.Namespace }}|relns",
          "{{ .Chart.Name }}|prefect-worker",
          "{{ .Chart.Version }}|2026.8.18172642",
          "v{{ .Chart.AppVersion }}|v3.8.3",
          "{{ .Values.worker.config.workPool }}|my-work-pool",
          "{{ .Values.worker.replicaCount }}|3",
          "{{ .Values.worker.image.debug }}|false",
          "{{ include \"common.names.fullname\" . }}|myrel-prefect-worker",
          "{{ template \"common.names.fullname\" . }}|myrel-prefect-worker",
          "{{include \"common.names.fullname\" $}}|myrel-prefect-worker",
          "{{.Release.Name}}/{{ .Release.Name }}|myrel/myrel",
          "no template|no template",
          "a }} b|a }} b"
        })
    void evaluates(String template, String expected) throws Tpl.Failure {
      assertEquals(expected, eval(template));
    }

    @Test
    @DisplayName("{{- trims white space before, -}} trims white space after")
    void trimming() throws Tpl.Failure {
      assertEquals("a-myrel-b", eval("a- \n {{- .Release.Name -}} \t\n-b"));
      assertEquals("a myrel", eval("a {{ .Release.Name -}}   "));
      assertEquals("amyrel ", eval("a  {{- .Release.Name }} "));
    }

    @Test
    @DisplayName("a null value prints as empty, as Helm replaces <no value>")
    void nullValue() throws Tpl.Failure {
      assertEquals("[]", eval("[{{ .Values.worker.config.name }}]"));
    }
  }

  @Nested
  @DisplayName("anything else fails loudly")
  class Unsupported {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "{{ .Release.Service }}",
          "{{ .Release.Name | upper }}",
          "{{ upper .Release.Name }}",
          "{{ include \"common.names.name\" . }}",
          "{{ .Capabilities.KubeVersion }}",
          "{{ .Values }}",
          "{{/* comment */}}",
          "{{ }}",
          "{{ .Values.worker.image }}",
          "{{ .Release.Name",
          "{{ \"a\" }}"
        })
    void unsupported(String template) {
      Tpl.Failure f = assertThrows(Tpl.Failure.class, () -> eval(template));
      assertEquals(Tpl.UNSUPPORTED, f.ruleId());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{{ .Values.nope }}", "{{ .Values.worker.config.workPool.deeper }}"})
    void unknownValue(String template) {
      Tpl.Failure f = assertThrows(Tpl.Failure.class, () -> eval(template));
      assertEquals(Tpl.UNKNOWN_VALUE, f.ruleId());
    }

    @Test
    @DisplayName("a render reports every bad expression with the value's file, line and path")
    void renderReportsEveryProblem() throws Exception {
      String file =
          """
          commonLabels:
            team: "{{ .Release.Service }}"
          worker:
            extraEnvVars:
              - name: A
                value: "{{ .Values.missing.key }}"
          """;
      LoadedValues values = TestValues.required(file);
      RenderException e =
          assertThrows(
              RenderException.class,
              () -> Renderer.create().render(values, TestValues.options().build()));
      List<Finding> findings = e.findings();
      assertEquals(2, findings.size(), findings::toString);
      Finding label = findings.get(0);
      assertEquals("tpl.unsupported", label.ruleId());
      assertEquals("/commonLabels/team", label.path());
      assertEquals(2, label.line());
      assertTrue(label.file().endsWith(".yaml"), label.file());
      assertTrue(label.message().contains("{{ .Release.Service }}"), label.message());
      assertTrue(label.message().contains("commonLabels.team"), label.message());
      Finding env = findings.get(1);
      assertEquals("tpl.unknown-value", env.ruleId());
      assertEquals("/worker/extraEnvVars/0/value", env.path());
      assertEquals(6, env.line());
      assertTrue(env.message().contains(".Values.missing"), env.message());
    }
  }

  @Nested
  @DisplayName("findings for values from flags")
  class FromFlags {
    @Test
    @DisplayName("a --set value is located by its flag")
    void setFlag() {
      LoadedValues values =
          TestValues.set(
              "worker.config.workPool=p",
              "worker.cloudApiConfig.accountId=a",
              "worker.cloudApiConfig.workspaceId=w",
              "commonLabels.team=t-{{ .Release.Service }}");
      RenderException e =
          assertThrows(
              RenderException.class,
              () -> Renderer.create().render(values, TestValues.options().build()));
      Finding f = e.findings().get(0);
      assertTrue(f.file().startsWith("--set #4 (commonLabels.team="), f.file());
      assertEquals(-1, f.line());
      assertEquals("/commonLabels/team", f.path());
    }
  }

  @Nested
  @DisplayName("where tpl applies")
  class Places {
    @Test
    @DisplayName("strings inside maps and lists are evaluated, map keys too; results stay strings")
    void tree() {
      LoadedValues values =
          TestValues.yaml(
              TestValues.REQUIRED,
              "worker:\n"
                  + "  podAnnotations:\n"
                  + "    \"{{ .Release.Name }}/key\": \"{{ .Values.worker.replicaCount }}\"\n");
      Rendered r = Rendered.of(TestValues.render(values));
      assertEquals(
          "1",
          r.deployment().getSpec().getTemplate().getMetadata().getAnnotations().get("test/key"));
    }

    @Test
    @DisplayName("tpl does not apply to config values such as the base job template")
    void notEverywhere() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required(
                      "worker:\n  config:\n    baseJobTemplate:\n"
                          + "      configuration: '{\"a\": \"{{ .Release.Name }}\"}'\n")));
      assertEquals(
          "{\"a\": \"{{ .Release.Name }}\"}", r.configMap().getData().get("baseJobTemplate.json"));
    }
  }
}
