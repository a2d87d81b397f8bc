package dev.pwk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.kube.Release;
import dev.pwk.renderer.KubeCapabilities;
import dev.pwk.values.Finding;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.testing.ConformanceCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Pipeline: load, value rules, render, manifest checks")
class PipelineTest {
  /** The values the chart requires, so that a test adds only what it is about. */
  private static final String REQUIRED =
      """
      worker:
        config:
          workPool: k8s-pool
        cloudApiConfig:
          accountId: 9b3c4d5e-0000-4a1b-8c2d-111111111111
          workspaceId: 1f2e3d4c-0000-4b5a-9c8d-222222222222
      """;

  private static final Pipeline PIPELINE = Pipeline.create();

  @TempDir Path dir;

  private ValueInputs values(String... yaml) throws IOException {
    ValueInputs.Builder in = ValueInputs.builder();
    for (int i = 0; i < yaml.length; i++) {
      Path file = dir.resolve("values-" + i + ".yaml");
      Files.writeString(file, yaml[i], StandardCharsets.UTF_8);
      in.file(file);
    }
    return in.build();
  }

  private static PipelineResult run(ValueInputs inputs) {
    return PIPELINE.run(PipelineRequest.builder(inputs).build());
  }

  private static List<String> rules(PipelineResult result, Severity severity) {
    return result.findings().stream()
        .filter(f -> f.severity() == severity)
        .map(Finding::ruleId)
        .toList();
  }

  @Nested
  @DisplayName("one policy: an error stops the render, a warning never does")
  class Policy {
    @Test
    @DisplayName("clean values render")
    void clean() throws IOException {
      PipelineResult result = run(values(REQUIRED));
      assertFalse(result.hasErrors(), result.findings()::toString);
      assertTrue(result.rendering().orElseThrow().toYaml().contains("kind: Deployment"));
    }

    @Test
    @DisplayName("a value rule's error: no rendering")
    void errorStops() throws IOException {
      PipelineResult result = run(values(REQUIRED, "worker:\n  replicaCount: two\n"));
      assertEquals(List.of("schema.type"), rules(result, Severity.ERROR));
      assertTrue(result.rendering().isEmpty());
      assertTrue(result.values().isPresent());
    }

    @Test
    @DisplayName("a warning: rendered")
    void warningRenders() throws IOException {
      PipelineResult result = run(values(REQUIRED, "replicaCount: 2\n"));
      assertEquals(0, result.count(Severity.ERROR), result.findings()::toString);
      assertTrue(result.count(Severity.WARNING) > 0, result.findings()::toString);
      assertTrue(result.rendering().isPresent());
    }

    @Test
    @DisplayName("a base job template Prefect's API would reject is a warning, and rendered")
    void undeclaredVariableRenders() {
      // Helm renders this case; its template uses a variable it does not declare.
      ConformanceCase c = ConformanceCase.named("sc-bjt-setfile-json");
      PipelineResult result =
          PIPELINE.run(
              PipelineRequest.builder(c.inputs())
                  .release(new Release(c.release(), c.namespace()))
                  .build());
      assertEquals(List.of(), rules(result, Severity.ERROR));
      assertTrue(
          rules(result, Severity.WARNING).contains("base-job-template.undeclared-variable"),
          result.findings()::toString);
      assertTrue(result.rendering().orElseThrow().toYaml().contains("kind: ConfigMap"));
    }

    @Test
    @DisplayName("base job template text that is not JSON is a warning, and rendered")
    void invalidJsonRenders() throws IOException {
      PipelineResult result =
          run(
              values(
                  REQUIRED,
                  "worker:\n  config:\n    baseJobTemplate:\n"
                      + "      configuration: '{\"variables\": {}'\n"));
      assertEquals(
          List.of("base-job-template.invalid-json"),
          rules(result, Severity.WARNING).stream()
              .filter(r -> r.startsWith("base-job-template."))
              .toList());
      assertTrue(result.rendering().isPresent(), result.findings()::toString);
    }

    @Test
    @DisplayName("a base job template without job_configuration is a warning, and rendered")
    void missingSectionRenders() throws IOException {
      PipelineResult result =
          run(
              values(
                  REQUIRED,
                  "worker:\n  config:\n    baseJobTemplate:\n"
                      + "      configuration: '{\"variables\": {\"properties\": {}}}'\n"));
      assertTrue(
          rules(result, Severity.WARNING).contains("base-job-template.missing-section"),
          result.findings()::toString);
      assertTrue(result.rendering().isPresent(), result.findings()::toString);
    }

    @Test
    @DisplayName("a base job template the worker cannot run stays an error, and stops the render")
    void jobManifestErrorStops() throws IOException {
      ConformanceCase c = ConformanceCase.named("sc-bjt-setfile-json");
      String template =
          Files.readString(c.dir().resolve("base-job-template.json"), StandardCharsets.UTF_8)
              .replace("\"restartPolicy\": \"Never\"", "\"restartPolicy\": \"Always\"");
      Path file = dir.resolve("base-job-template.json");
      Files.writeString(file, template, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("required.yaml"), REQUIRED, StandardCharsets.UTF_8);
      PipelineResult result =
          run(
              ValueInputs.builder()
                  .file(dir.resolve("required.yaml"))
                  .setFile("worker.config.baseJobTemplate.configuration=" + file)
                  .build());
      assertTrue(
          rules(result, Severity.ERROR).contains("base-job-template.restart-policy"),
          result.findings()::toString);
      assertTrue(result.rendering().isEmpty());
    }

    @Test
    @DisplayName("a render failure (a value the API server would not take) stops the render")
    void renderFailureStops() throws IOException {
      PipelineResult result =
          run(
              values(
                  REQUIRED,
                  "worker:\n  tolerations:\n    - {key: k, operator: Exists, effect: NoExecute,"
                      + " tolerationSeconds: 2.7}\n"));
      assertEquals(List.of("render.type"), rules(result, Severity.ERROR));
      assertTrue(result.rendering().isEmpty());
    }
  }

  @Nested
  @DisplayName("findings")
  class Findings {
    @Test
    @DisplayName("a template expression's problem is reported with the value rules' errors")
    void templateProblemsWithErrors() throws IOException {
      PipelineResult result =
          run(
              values(
                  REQUIRED,
                  "worker:\n  replicaCount: two\n"
                      + "commonLabels:\n  k8s: 'v{{ .Capabilities.KubeVersion }}'\n"));
      assertEquals(List.of("schema.type", "tpl.unsupported"), rules(result, Severity.ERROR));
      assertTrue(result.rendering().isEmpty());
    }

    @Test
    @DisplayName("a required value missing is reported once, by the value rules")
    void requiredOnce() throws IOException {
      PipelineResult result =
          run(
              values(
                  "worker:\n  config:\n    workPool: ''\n"
                      + "commonLabels:\n  team: '{{ .Release.Name }}-team'\n"));
      long required =
          result.findings().stream().filter(f -> f.ruleId().equals("chart.required")).count();
      assertTrue(required > 0);
      List<String> paths =
          result.findings().stream()
              .filter(f -> f.ruleId().equals("chart.required"))
              .map(Finding::path)
              .toList();
      assertEquals(paths.stream().distinct().toList(), paths, "each required value once");
    }

    @Test
    @DisplayName("values that do not load: the input finding, the readable files, nothing else")
    void notLoaded() throws IOException {
      Path broken = dir.resolve("broken.yaml");
      Files.writeString(broken, "worker: [\n", StandardCharsets.UTF_8);
      PipelineResult result =
          run(ValueInputs.builder().file(broken).file(dir.resolve("missing.yaml")).build());
      assertTrue(result.values().isEmpty());
      assertTrue(result.rendering().isEmpty());
      assertTrue(
          result.findings().stream().allMatch(f -> f.ruleId().startsWith("input.")),
          result.findings()::toString);
      assertEquals(
          List.of(broken.toString()), result.sources().stream().map(s -> s.name()).toList());
    }

    @Test
    @DisplayName("partial values: the overlay's own findings, never rendered")
    void partial() throws IOException {
      PipelineResult result =
          PIPELINE.run(
              PipelineRequest.builder(values("worker:\n  replicaCount: two\n"))
                  .partial(true)
                  .build());
      assertEquals(List.of("schema.type"), rules(result, Severity.ERROR));
      assertTrue(result.rendering().isEmpty());
      PipelineResult clean =
          PIPELINE.run(
              PipelineRequest.builder(values("worker:\n  replicaCount: 2\n"))
                  .partial(true)
                  .build());
      assertEquals(List.of(), clean.findings());
      assertTrue(clean.rendering().isEmpty());
    }
  }

  @Nested
  @DisplayName("manifest checks")
  class Manifests {
    private static final String UNDECLARED_MOUNT =
        "worker:\n  extraVolumeMounts:\n    - name: nowhere\n      mountPath: /data\n";

    @Test
    @DisplayName("only when asked; their errors stop the render and point into the YAML stream")
    void validate() throws IOException {
      ValueInputs inputs = values(REQUIRED, UNDECLARED_MOUNT);
      assertTrue(run(inputs).rendering().isPresent());
      PipelineResult result =
          PIPELINE.run(PipelineRequest.builder(inputs).validateManifests(true).build());
      Finding mount =
          result.findings().stream()
              .filter(f -> f.ruleId().equals("manifest.volume-mount"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(result.findings()));
      assertEquals(Pipeline.RENDERED_MANIFESTS, mount.file());
      assertTrue(mount.message().startsWith("prefect-worker/templates/deployment.yaml: "));
      assertTrue(result.rendering().isEmpty());
      String stream =
          result.sources().stream()
              .filter(s -> s.name().equals(Pipeline.RENDERED_MANIFESTS))
              .findFirst()
              .orElseThrow()
              .text();
      assertTrue(stream.lines().toList().get(mount.line() - 1).contains("nowhere"));
    }
  }

  @Nested
  @DisplayName("check, then render")
  class Staged {
    @Test
    @DisplayName("check renders nothing; render renders for the cluster it is given, once")
    void staged() throws IOException {
      PipelineRequest request =
          PipelineRequest.builder(values(REQUIRED, "worker:\n  autoscaling:\n    enabled: true\n"))
              .release(new Release("worker", "prefect"))
              .build();
      PipelineResult checked = PIPELINE.check(request);
      assertTrue(checked.rendering().isEmpty());
      PipelineResult rendered = PIPELINE.render(checked, KubeCapabilities.of("1.20"), "");
      assertTrue(
          rendered.rendering().orElseThrow().toYaml().contains("apiVersion: autoscaling/v2beta2"));
      assertTrue(rendered.rendering().get().toYaml().contains("name: prefect-worker"));
      assertThrows(
          IllegalStateException.class,
          () -> PIPELINE.render(rendered, KubeCapabilities.DEFAULT, ""));
    }
  }
}
