package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pwk lint-job-template")
class LintJobTemplateCommandTest {
  private static final Path FIXTURES = Path.of("src", "test", "resources", "jobtemplate");

  private static String fixture(String name) {
    return FIXTURES.resolve(name).toString();
  }

  @Test
  @DisplayName("a clean template exits 0 with a one-line summary")
  void clean() {
    CliRun run = CliRun.of("lint-job-template", fixture("good-base-job-template.json"));
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("no problems in 1 file\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  @DisplayName("errors exit 1 and print file:line:col, the line and a caret, and a summary")
  void errorsWithCodeFrames() throws IOException {
    String file = fixture("broken-base-job-template.json");
    CliRun run = CliRun.of("lint-job-template", "--no-color", file);
    assertEquals(1, run.exitCode(), run::toString);
    String expected =
        Files.readString(FIXTURES.resolve("broken.expected.txt"), StandardCharsets.UTF_8)
            .replace("broken-base-job-template.json", file);
    assertEquals(expected, run.out());
    assertEquals("", run.err());
  }

  @Test
  @DisplayName(
      "a Job pod the API server rejects: an error here, a warning in pwk lint, which still renders")
  void badJobPod() {
    String file = fixture("bad-pod-base-job-template.json");
    String finding =
        "job_configuration.job_manifest.spec.template.spec.containers[0].env[0].name is '1_BAD',"
            + " which is not an environment variable name";
    CliRun alone = CliRun.of("lint-job-template", "--no-color", file);
    assertEquals(1, alone.exitCode(), alone::toString);
    assertEquals(
        file
            + ":14:80: error: "
            + finding
            + " (letters, digits, '_', '-' or '.', not starting with a digit)"
            + " [base-job-template.pod.invalid-env-name]\n",
        alone.out().lines().findFirst().orElseThrow() + "\n");
    assertTrue(alone.out().endsWith("1 error, 0 warnings in 1 file\n"), alone::toString);

    List<String> values =
        List.of(
            "-f",
            Path.of("src", "test", "resources", "cli", "good.yaml").toString(),
            "--set-file",
            "worker.config.baseJobTemplate.configuration=" + file);
    CliRun lint = CliRun.of(args(List.of("lint", "--no-color"), values));
    assertEquals(0, lint.exitCode(), lint::toString);
    assertTrue(
        lint.out().contains(file + ":14:80: warning: " + finding)
            && lint.out().contains("[base-job-template.pod.invalid-env-name]"),
        lint::toString);
    CliRun template = CliRun.of(args(List.of("template"), values));
    assertEquals(0, template.exitCode(), template::toString);
    assertTrue(template.out().contains("kind: ConfigMap"), template::toString);
  }

  private static String[] args(List<String> command, List<String> rest) {
    List<String> all = new ArrayList<>(command);
    all.addAll(rest);
    return all.toArray(String[]::new);
  }

  @Test
  @DisplayName("a syntax error points at the line and column inside the JSON")
  void syntaxError() {
    String file = fixture("not-json-base-job-template.json");
    CliRun run = CliRun.of("lint-job-template", file);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.out().startsWith(file + ":3:46: error: the base job template is not valid JSON: "),
        run::toString);
  }

  @Nested
  @DisplayName("exit codes")
  class ExitCodesContract {
    @Test
    @DisplayName("warnings alone exit 0, and 1 with --strict")
    void strict() {
      String file = fixture("warn-base-job-template.json");
      CliRun lenient = CliRun.of("lint-job-template", file);
      assertEquals(0, lenient.exitCode(), lenient::toString);
      assertTrue(lenient.out().contains(": warning: "), lenient::toString);
      assertEquals(1, CliRun.of("lint-job-template", "--strict", file).exitCode());
    }

    @Test
    @DisplayName("a missing file exits 2, and the other files are still linted")
    void missing() {
      CliRun run =
          CliRun.of(
              "lint-job-template", "no-such-template.json", fixture("good-base-job-template.json"));
      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(
          run.out().startsWith("no-such-template.json: error: file not found [input.not-found]\n"),
          run::toString);
      assertTrue(run.out().endsWith("1 error, 0 warnings in 2 files\n"), run::toString);
    }

    @Test
    @DisplayName("no file is a usage error with a hint")
    void nothing() {
      CliRun run = CliRun.of("lint-job-template");
      assertEquals(2, run.exitCode());
      assertTrue(run.err().startsWith("pwk: Missing required parameter"), run::toString);
      assertTrue(
          run.err().endsWith("Run 'pwk lint-job-template --help' for usage.\n"), run::toString);
    }

    @Test
    @DisplayName("an unknown format is a usage error")
    void badFormat() {
      CliRun run =
          CliRun.of("lint-job-template", "--format", "xml", fixture("good-base-job-template.json"));
      assertEquals(2, run.exitCode(), run::toString);
    }

    @Test
    @DisplayName("--help lists the exit codes")
    void help() {
      CliRun run = CliRun.of("lint-job-template", "--help");
      assertEquals(0, run.exitCode());
      assertTrue(run.out().contains("Exit codes:"), run.out());
      assertTrue(run.out().contains("2   usage error or unreadable input"), run.out());
    }
  }

  @Nested
  @DisplayName("output")
  class Output {
    @TempDir Path tmp;

    @Test
    @DisplayName("--format json lists each file's findings with their places")
    void json() throws IOException {
      String file = fixture("broken-base-job-template.json");
      CliRun run = CliRun.of("lint-job-template", "--format", "json", file);
      assertEquals(1, run.exitCode(), run::toString);
      JsonNode report = new ObjectMapper().readTree(run.out());
      JsonNode first = report.at("/files/0/findings/0");
      assertEquals(file, first.get("file").asText());
      assertEquals(5, first.get("line").asInt());
      assertEquals(7, first.get("column").asInt());
      assertEquals("/variables/properties/image", first.get("path").asText());
      assertEquals("base-job-template.unused-variable", first.get("rule").asText());
      assertEquals(3, report.at("/summary/errors").asInt());
    }

    @Test
    @DisplayName("--format github prints workflow commands")
    void github() {
      String file = fixture("broken-base-job-template.json");
      CliRun run = CliRun.of("lint-job-template", "--format", "github", file);
      assertTrue(
          run.out()
              .contains(
                  "::error file="
                      + file
                      + ",line=18,col=30,title=pwk base-job-template.restart-policy::"),
          run::toString);
    }

    @Test
    @DisplayName("--output writes the report to a file and nothing to standard output")
    void outputFile() throws IOException {
      Path report = tmp.resolve("report.sarif");
      CliRun run =
          CliRun.of(
              "lint-job-template",
              "--format",
              "sarif",
              "--output",
              report.toString(),
              fixture("broken-base-job-template.json"));
      assertEquals(1, run.exitCode(), run::toString);
      assertEquals("", run.out());
      assertTrue(
          Files.readString(report)
              .contains("\"ruleId\" : \"base-job-template.manifest-unknown-field\""),
          report::toString);
    }
  }
}
