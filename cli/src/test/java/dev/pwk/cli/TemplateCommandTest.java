package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.Renderer;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pwk template")
class TemplateCommandTest {

  @Test
  @DisplayName("prints what the renderer renders, with Helm's defaults for name and namespace")
  void rendersLikeTheLibrary() throws Exception {
    CliRun run = CliRun.of("template", "-f", CliRun.fixture("good.yaml"));
    assertEquals(0, run.exitCode(), run::toString);
    String expected =
        Renderer.create()
            .render(
                ValuesLoader.create()
                    .load(ValueInputs.ofFiles(Path.of(CliRun.fixture("good.yaml")))),
                RenderOptions.builder().releaseName("release-name").namespace("default").build())
            .toYaml();
    assertEquals(expected, run.out());
    assertTrue(
        run.out().startsWith("---\n# Source: prefect-worker/templates/serviceaccount.yaml\n"));
    assertEquals("", run.err());
  }

  @Test
  @DisplayName("release name, namespace and --set reach the output")
  void nameNamespaceAndSet() {
    CliRun run =
        CliRun.of(
            "template",
            "my-rel",
            "-n",
            "workers",
            "-f",
            CliRun.fixture("good.yaml"),
            "--set",
            "fullnameOverride=",
            "--show-only",
            "deployment");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("  name: my-rel-prefect-worker\n"), run.out());
    assertTrue(run.out().contains("  namespace: workers\n"), run.out());
    assertEquals(1, run.out().split("\n---\n", -1).length, "only the Deployment");
  }

  @Test
  @DisplayName("old clusters get policy/v1beta1 and autoscaling/v2beta2")
  void capabilities() {
    CliRun run =
        CliRun.of(
            "template",
            "-f",
            CliRun.fixture("good.yaml"),
            "--kube-version",
            "v1.20.2",
            "--set",
            "worker.autoscaling.enabled=true,worker.podDisruptionBudget.maxUnavailable=1");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("apiVersion: policy/v1beta1\nkind: PodDisruptionBudget"));
    assertTrue(
        run.out().contains("apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler"));
  }

  @Nested
  @DisplayName("errors stop the render before anything is written")
  class Errors {
    @Test
    @DisplayName("lint errors: exit 1, findings on stderr, nothing on stdout")
    void lintErrors() {
      CliRun run = CliRun.of("template", "-f", CliRun.fixture("broken.yaml"));
      assertEquals(1, run.exitCode());
      assertEquals("", run.out());
      assertTrue(run.err().contains("[chart.required]"), run::toString);
      assertTrue(run.err().contains("  2 |   apiConfig: Cloud"), run::toString);
    }

    @Test
    @DisplayName("--output-dir writes no file when the values are wrong")
    void noFilesOnError(@TempDir Path dir) throws IOException {
      CliRun run =
          CliRun.of(
              "template", "-f", CliRun.fixture("broken.yaml"), "--output-dir", dir.toString());
      assertEquals(1, run.exitCode());
      try (var files = Files.walk(dir)) {
        assertEquals(List.of(dir), files.toList());
      }
    }

    @Test
    @DisplayName("an unsupported template expression names its value's line")
    void tpl() {
      CliRun run =
          CliRun.of(
              "template",
              "-f",
              CliRun.fixture("good.yaml"),
              "--set",
              "commonLabels.team=t-{{ .Capabilities.KubeVersion }}");
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(run.err().contains("--set #1"), run::toString);
      assertTrue(run.err().contains("[tpl.unsupported]"), run::toString);
      assertEquals("", run.out());
    }

    @Test
    @DisplayName("an invalid release name is a usage error")
    void releaseName() {
      CliRun run = CliRun.of("template", "Bad_Name", "-f", CliRun.fixture("good.yaml"));
      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith("pwk: invalid release name \"Bad_Name\""), run.err());
    }

    @Test
    @DisplayName("--show-only that matches nothing is a usage error listing what was rendered")
    void showOnlyMiss() {
      CliRun run =
          CliRun.of("template", "-f", CliRun.fixture("good.yaml"), "--show-only", "Service");
      assertEquals(2, run.exitCode());
      assertTrue(run.err().contains("Deployment/prefect-worker"), run.err());
    }

    @Test
    @DisplayName("an unknown option is a usage error with a hint, not a stack trace")
    void unknownOption() {
      CliRun run = CliRun.of("template", "--frobnicate");
      assertEquals(2, run.exitCode());
      assertTrue(run.err().contains("Run 'pwk template --help' for usage."), run.err());
      assertFalse(run.err().contains("at dev.pwk"), run.err());
    }
  }

  @Test
  @DisplayName("--output-dir writes one file per template, like helm template")
  void outputDir(@TempDir Path dir) throws IOException {
    CliRun run =
        CliRun.of(
            "template",
            "-f",
            CliRun.fixture("good.yaml"),
            "--output-dir",
            dir.toString(),
            "--set-json",
            "worker.config.baseJobTemplate.configuration=\"{}\"");
    assertEquals(0, run.exitCode(), run::toString);
    Path templates = dir.resolve("prefect-worker/templates");
    try (var files = Files.list(templates)) {
      assertEquals(
          List.of(
              "configmap.yaml",
              "deployment.yaml",
              "role.yaml",
              "rolebinding.yaml",
              "serviceaccount.yaml"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(
        Files.readString(templates.resolve("configmap.yaml"))
            .startsWith("---\n# Source: prefect-worker/templates/configmap.yaml\n"));
    assertEquals("", run.out());
  }

  @Nested
  @DisplayName("--each renders many values files in one call")
  class Each {
    @TempDir Path dir;

    private Path values(String name, String pool) throws IOException {
      Path f = dir.resolve(name);
      Files.writeString(f, "worker:\n  config:\n    workPool: " + pool + "\n");
      return f;
    }

    @Test
    @DisplayName("one folder per file, each over the -f files")
    void many() throws IOException {
      Path out = dir.resolve("out");
      CliRun run =
          CliRun.of(
              "template",
              "-f",
              CliRun.fixture("good.yaml"),
              "--output-dir",
              out.toString(),
              "--each",
              values("a.yaml", "pool-a").toString(),
              "--each",
              values("b.yaml", "pool-b").toString());
      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(
          Files.readString(out.resolve("a/prefect-worker/templates/deployment.yaml"))
              .contains("- pool-a\n"));
      assertTrue(
          Files.readString(out.resolve("b/prefect-worker/templates/deployment.yaml"))
              .contains("- pool-b\n"));
      assertEquals("wrote 2 renders to " + out + "\n", run.err());
    }

    @Test
    @DisplayName("one bad file: exit 1, its findings under its name, and nothing written")
    void allOrNothing() throws IOException {
      Path out = dir.resolve("out");
      CliRun run =
          CliRun.of(
              "template",
              "-f",
              CliRun.fixture("good.yaml"),
              "--output-dir",
              out.toString(),
              "--each",
              values("a.yaml", "pool-a").toString(),
              "--each",
              values("b.yaml", "\"\"").toString());
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(run.err().contains("== " + dir.resolve("b.yaml")), run::toString);
      assertTrue(run.err().contains("[chart.required]"), run::toString);
      assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    @DisplayName("needs --output-dir and distinct file names")
    void usage() throws IOException {
      assertEquals(2, CliRun.of("template", "--each", values("a.yaml", "p").toString()).exitCode());
      Files.createDirectories(dir.resolve("x"));
      Path again = Files.writeString(dir.resolve("x/a.yaml"), "{}\n");
      assertEquals(
          2,
          CliRun.of(
                  "template",
                  "--output-dir",
                  dir.resolve("o").toString(),
                  "--each",
                  values("a.yaml", "p").toString(),
                  "--each",
                  again.toString())
              .exitCode());
    }
  }

  @Nested
  @DisplayName("--validate checks the rendered objects offline")
  class Validate {
    @Test
    @DisplayName("valid objects: the same output as without it")
    void clean() {
      CliRun plain = CliRun.of("template", "-f", CliRun.fixture("good.yaml"));
      CliRun checked = CliRun.of("template", "-f", CliRun.fixture("good.yaml"), "--validate");
      assertEquals(0, checked.exitCode(), checked::toString);
      assertEquals(plain.out(), checked.out());
    }

    @Test
    @DisplayName("an extra container without an image: exit 1, the line in the rendered stream")
    void missingImage() {
      CliRun run =
          CliRun.of(
              "template",
              "-f",
              CliRun.fixture("good.yaml"),
              "--validate",
              "--set",
              "worker.extraContainers[0].name=side");
      assertEquals(1, run.exitCode(), run::toString);
      assertEquals("", run.out());
      assertTrue(
          run.err()
              .contains(
                  "error: prefect-worker/templates/deployment.yaml:"
                      + " spec.template.spec.containers[1].image is required [manifest.required-field]"),
          run::toString);
      assertTrue(
          run.err().contains(" | \t\t- name: side".replace("\t\t", "        ")), run::toString);
    }
  }
}
