package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("pwk lint")
class LintCommandTest {

  @Test
  @DisplayName("a clean file exits 0 with a one-line summary")
  void clean() {
    CliRun run = CliRun.of("lint", CliRun.fixture("good.yaml"));
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("no problems in 1 file\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  @DisplayName("errors exit 1 and print file:line:col, the line and a caret, and a summary")
  void errorsWithCodeFrames() throws IOException {
    CliRun run = CliRun.of("lint", "broken.yaml");
    assertEquals(2, run.exitCode(), "not found relative to the working directory");
    run = CliRun.of("lint", CliRun.fixture("broken.yaml"));
    assertEquals(1, run.exitCode(), run::toString);
    String expected =
        Files.readString(CliRun.FIXTURES.resolve("broken.expected.txt"), StandardCharsets.UTF_8)
            .replace("broken.yaml", CliRun.fixture("broken.yaml"));
    assertEquals(expected, run.out());
  }

  @Nested
  @DisplayName("exit codes")
  class ExitCodesContract {
    @Test
    @DisplayName("warnings alone exit 0, and 1 with --strict")
    void strict() {
      CliRun lenient = CliRun.of("lint", CliRun.fixture("warn.yaml"));
      assertEquals(0, lenient.exitCode(), lenient::toString);
      assertTrue(lenient.out().contains("warning:"), lenient::toString);
      assertEquals(1, CliRun.of("lint", "--strict", CliRun.fixture("warn.yaml")).exitCode());
    }

    @Test
    @DisplayName("a missing file exits 2")
    void missing() {
      CliRun run = CliRun.of("lint", "no-such-file.yaml");
      assertEquals(2, run.exitCode());
      assertTrue(run.out().contains("no-such-file.yaml: error: file not found"), run::toString);
    }

    @Test
    @DisplayName("nothing to lint is a usage error with a hint")
    void nothing() {
      CliRun run = CliRun.of("lint");
      assertEquals(2, run.exitCode());
      assertEquals(
          "pwk: nothing to lint: name values files, or give -f/--set\n"
              + "Run 'pwk lint --help' for usage.\n",
          run.err());
    }

    @Test
    @DisplayName("an unknown format is a usage error")
    void badFormat() {
      assertEquals(2, CliRun.of("lint", "--format", "xml", CliRun.fixture("good.yaml")).exitCode());
    }

    @Test
    @DisplayName("--help lists the exit codes")
    void help() {
      CliRun run = CliRun.of("lint", "--help");
      assertEquals(0, run.exitCode());
      assertTrue(run.out().contains("Exit codes:"), run.out());
      assertTrue(run.out().contains("2   usage error or unreadable input"), run.out());
    }
  }

  @Nested
  @DisplayName("sources")
  class Sources {
    @Test
    @DisplayName("-f files and --set flags are linted as one merge, and --set is named")
    void merged() {
      CliRun run =
          CliRun.of(
              "lint",
              "-f",
              CliRun.fixture("good.yaml"),
              "--set",
              "worker.replicaCount=-1,x=1",
              "--set",
              "worker.config.installPolicy=sometimes");
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(
          run.out().contains("--set #2 (worker.config.installPolicy=sometimes)"), run::toString);
      assertTrue(run.out().endsWith("in 1 file\n"), run::toString);
    }

    @Test
    @DisplayName("an unsupported template expression fails lint, as it would fail template")
    void tpl() {
      CliRun run =
          CliRun.of(
              "lint",
              "-f",
              CliRun.fixture("good.yaml"),
              "--set-literal",
              "commonLabels.k8s=v{{ .Capabilities.KubeVersion }}");
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(run.out().contains("[tpl.unsupported]"), run::toString);
      CliRun supported =
          CliRun.of(
              "lint",
              "-f",
              CliRun.fixture("good.yaml"),
              "--set-literal",
              "commonLabels.team={{ .Release.Name }}-team");
      assertEquals(0, supported.exitCode(), supported::toString);
    }

    @Test
    @DisplayName("--partial checks an overlay alone: unknown keys yes, missing work pool no")
    void partial() {
      CliRun run = CliRun.of("lint", "--partial", CliRun.fixture("overlay.yaml"));
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(run.out().contains(":3:3: error:"), run::toString);
      assertTrue(run.out().contains("[schema.additional-properties]"), run::toString);
      assertFalse(run.out().contains("chart.required"), run::toString);
    }

    @Test
    @DisplayName("many files are reported in the order given")
    void order() {
      String[] args = new String[41];
      args[0] = "lint";
      for (int i = 1; i < args.length; i++) {
        args[i] = CliRun.fixture(i % 2 == 0 ? "broken.yaml" : "good.yaml");
      }
      CliRun run = CliRun.of(args);
      assertTrue(run.out().endsWith("60 errors, 0 warnings in 40 files\n"), run::toString);
      String[] json = new String[args.length + 2];
      json[0] = "lint";
      json[1] = "--format";
      json[2] = "json";
      System.arraycopy(args, 1, json, 3, args.length - 1);
      JsonNode report;
      try {
        report = new ObjectMapper().readTree(CliRun.of(json).out());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      for (int i = 1; i < args.length; i++) {
        assertEquals(args[i], report.at("/files/" + (i - 1) + "/name").asText(), "file " + i);
        assertEquals(i % 2 == 0 ? 3 : 0, report.at("/files/" + (i - 1) + "/findings").size());
      }
    }

    @Test
    @DisplayName("several files are linted one by one")
    void positional() {
      CliRun run = CliRun.of("lint", CliRun.fixture("good.yaml"), CliRun.fixture("broken.yaml"));
      assertEquals(1, run.exitCode());
      assertTrue(run.out().endsWith("3 errors, 0 warnings in 2 files\n"), run::toString);
    }
  }

  @Nested
  @DisplayName("unknown top-level keys, --allow-key and .pwk.yaml")
  class AllowedKeys {
    private final String umbrella = CliRun.fixture("umbrella.yaml");

    @Test
    @DisplayName("warn, except global and enabled")
    void warned() {
      CliRun run = CliRun.of("lint", umbrella);
      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(
          run.out()
              .contains(
                  umbrella
                      + ":11:1: warning: the chart does not know the"
                      + " top-level key 'tags'"),
          run::toString);
      assertTrue(
          run.out()
              .contains(
                  ":13:1: warning: the chart does not know the top-level key"
                      + " 'teamSettings', so Helm ignores it; if another chart reads it, allow it with"
                      + " --allow-key teamSettings"),
          run::toString);
      assertTrue(run.out().endsWith("0 errors, 2 warnings in 1 file\n"), run::toString);
      assertEquals(1, CliRun.of("lint", "--strict", umbrella).exitCode());
    }

    @Test
    @DisplayName("--allow-key is repeatable")
    void allowKey() {
      CliRun run =
          CliRun.of(
              "lint", "--strict", "--allow-key", "tags", "--allow-key=teamSettings", umbrella);
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals("no problems in 1 file\n", run.out());
    }

    @Test
    @DisplayName("--config reads lint.allowKeys, and --allow-key adds to it")
    void configFile(@TempDir Path dir) throws IOException {
      Path config = dir.resolve("lint.yaml");
      Files.writeString(config, "lint:\n  allowKeys: [tags]\n");
      CliRun run = CliRun.of("lint", "--config", config.toString(), umbrella);
      assertEquals(0, run.exitCode(), run::toString);
      assertFalse(run.out().contains("'tags'"), run::toString);
      assertTrue(run.out().contains("'teamSettings'"), run::toString);
      run =
          CliRun.of(
              "lint",
              "--strict",
              "--config",
              config.toString(),
              "--allow-key",
              "teamSettings",
              umbrella);
      assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    @DisplayName("a bad config file is a usage error in one line")
    void badConfig(@TempDir Path dir) throws IOException {
      Path config = dir.resolve(".pwk.yaml");
      for (String text :
          List.of(
              "lint: [",
              "lint:\n  allowKey: [tags]\n",
              "lint:\n  allowKeys: tags\n",
              "linting: {}\n")) {
        Files.writeString(config, text);
        CliRun run = CliRun.of("lint", "--config", config.toString(), umbrella);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(run.err().startsWith("pwk: " + config + ": "), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
      }
      CliRun missing = CliRun.of("lint", "--config", dir.resolve("nope.yaml").toString(), umbrella);
      assertEquals(2, missing.exitCode(), missing::toString);
      assertTrue(missing.err().contains("config file not found"), missing::toString);
    }

    @Test
    @DisplayName(".pwk.yaml is found in the working directory or above it")
    void foundUpwards(@TempDir Path dir) throws IOException {
      Path nested = Files.createDirectories(dir.resolve("a/b"));
      assertFalse(LintConfig.find(nested).filter(p -> p.startsWith(dir)).isPresent());
      Files.writeString(dir.resolve(".pwk.yaml"), "lint:\n  allowKeys: [tags, teamSettings]\n");
      assertEquals(dir.resolve(".pwk.yaml"), LintConfig.find(nested).orElseThrow());
      LintConfig config = LintConfig.load(null, nested);
      assertEquals(List.of("tags", "teamSettings"), config.allowKeys());
      Files.writeString(dir.resolve("a/.pwk.yaml"), "# nothing set\n");
      assertEquals(List.of(), LintConfig.load(null, nested).allowKeys(), "the nearest file wins");
    }
  }

  @Nested
  @DisplayName("secrets and flags in every format")
  class SecretsAndFlags {
    private static final List<String> SECRETS =
        List.of(
            "FileSecret-1",
            "FileSecret-2",
            "FileSecret-3",
            "987654321",
            "FileSecret-4",
            "FlagSecret-5",
            "FlagSecret-6",
            "FlagSecret-7");

    private CliRun lint(String format) {
      return CliRun.of(
          "lint",
          "--format",
          format,
          "-f",
          CliRun.fixture("secrets.yaml"),
          "--set",
          "worker.initContainer.extraEnvVars[0].name=API_TOKEN,"
              + "worker.initContainer.extraEnvVars[0].value=FlagSecret-5",
          "--set",
          "worker.cloudApiConfig.accountId=x,worker.cloudApiConfig.token=FlagSecret-6",
          "--set-json",
          "worker.customerManagedCloudApiConfig={\"apiKey\": \"FlagSecret-7\"}",
          "--set",
          "worker.replicaCount=two");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "junit", "sarif", "github"})
    @DisplayName("no format shows a secret value, from a file or a flag")
    void noSecret(String format) {
      CliRun run = lint(format);
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(run.out().contains("redacted"), run::toString);
      for (String secret : SECRETS) {
        assertFalse(run.out().contains(secret), secret + " shown in " + format + ":\n" + run);
        assertFalse(run.err().contains(secret), secret + " shown in " + format + ":\n" + run);
      }
    }

    @Test
    @DisplayName("SARIF names the flag in a logical location and points at no made-up file")
    void sarifFlag() throws IOException {
      JsonNode sarif = new ObjectMapper().readTree(lint("sarif").out());
      String home = sarif.at("/runs/0/tool/driver/informationUri").asText();
      assertEquals(VersionProvider.projectUrl(), home, "the address pwk was built with");
      assertTrue(home.startsWith("https://") && !home.contains("${"), home);
      boolean sawFlag = false;
      for (JsonNode r : sarif.at("/runs/0/results")) {
        JsonNode location = r.at("/locations/0");
        String uri = location.at("/physicalLocation/artifactLocation/uri").asText();
        assertFalse(uri.contains("flags"), r::toString);
        if (location.has("logicalLocations")) {
          assertFalse(location.has("physicalLocation"), r::toString);
          sawFlag |= location.at("/logicalLocations/0/name").asText().startsWith("--set #3");
        }
      }
      assertTrue(sawFlag, sarif::toString);
    }

    @Test
    @DisplayName("JSON gives a flag's finding a null line and the flag; GitHub gives it no file")
    void jsonAndGithub() throws IOException {
      JsonNode findings = new ObjectMapper().readTree(lint("json").out()).at("/files/0/findings");
      JsonNode replicas = null;
      for (JsonNode f : findings) {
        if (f.get("path").asText().equals("/worker/replicaCount")) {
          replicas = f;
        }
      }
      assertTrue(replicas != null, findings::toString);
      assertTrue(replicas.get("line").isNull(), replicas::toString);
      assertTrue(replicas.get("file").isNull(), replicas::toString);
      assertEquals("--set #3 (worker.replicaCount=two)", replicas.get("flag").asText());
      String github = lint("github").out();
      assertTrue(github.lines().noneMatch(l -> l.contains("file=") && l.contains("flags")), github);
      assertTrue(
          github.lines().anyMatch(l -> !l.contains("file=") && l.contains("--set #3")), github);
    }

    @Test
    @DisplayName("JUnit fails a warnings-only file under --strict, as the exit code does")
    void junitStrict() {
      CliRun lenient = CliRun.of("lint", "--format", "junit", CliRun.fixture("warn.yaml"));
      assertEquals(0, lenient.exitCode(), lenient::toString);
      assertTrue(lenient.out().contains("failures=\"0\""), lenient::toString);
      CliRun strict =
          CliRun.of("lint", "--strict", "--format", "junit", CliRun.fixture("warn.yaml"));
      assertEquals(1, strict.exitCode(), strict::toString);
      assertTrue(
          strict.out().contains("<testsuites name=\"pwk lint\" tests=\"1\" failures=\"1\">"),
          strict::toString);
    }

    @Test
    @DisplayName("a required value with no values file says how to set it, pointing at no file")
    void requiredWithoutFile() {
      CliRun run = CliRun.of("lint", "--set", "worker.replicaCount=2");
      assertEquals(1, run.exitCode(), run::toString);
      assertFalse(run.out().contains("chart defaults"), run::toString);
      assertTrue(
          run.out().contains("pass --set worker.config.workPool=VALUE [chart.required]"),
          run::toString);
    }
  }

  @Nested
  @DisplayName("formats")
  class Formats {
    @Test
    @DisplayName("json carries every finding and the summary")
    void json() throws IOException {
      CliRun run = CliRun.of("lint", "--format", "json", CliRun.fixture("broken.yaml"));
      JsonNode report = new ObjectMapper().readTree(run.out());
      assertEquals(3, report.at("/summary/errors").asInt());
      assertEquals("schema.enum", report.at("/files/0/findings/0/rule").asText());
      assertEquals(2, report.at("/files/0/findings/0/line").asInt());
    }

    @Test
    @DisplayName("--output writes the report to a file and nothing to standard output")
    void output(@TempDir Path dir) throws IOException {
      Path sarif = dir.resolve("out/lint.sarif");
      CliRun run =
          CliRun.of(
              "lint",
              "--format",
              "SARIF",
              "--output",
              sarif.toString(),
              CliRun.fixture("broken.yaml"));
      assertEquals(1, run.exitCode());
      assertEquals("", run.out());
      assertTrue(Files.readString(sarif).contains("\"version\" : \"2.1.0\""));
      try (var files = Files.list(sarif.getParent())) {
        assertEquals(1, files.count(), "no temporary file left behind");
      }
    }

    @Test
    @DisplayName("github prints workflow annotations")
    void github() {
      CliRun run = CliRun.of("lint", "--format", "github", CliRun.fixture("broken.yaml"));
      assertTrue(
          run.out().startsWith("::error file=" + CliRun.fixture("broken.yaml") + ",line=2,col=14,"),
          run::toString);
    }
  }

  @Nested
  @DisplayName("hostile input gets a finding, never a stack trace or a hang")
  class Hostile {
    @TempDir Path dir;

    private CliRun lint(String name, byte[] content) throws IOException {
      Path f = dir.resolve(name);
      Files.write(f, content);
      return assertTimeoutPreemptively(
          Duration.ofSeconds(30), () -> CliRun.of("lint", f.toString()));
    }

    private void assertRule(CliRun run, String rule) {
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(run.out().contains("[" + rule + "]"), run::toString);
      assertFalse(run.err().contains("Exception"), run::toString);
      assertFalse(run.out().contains("Exception"), run::toString);
    }

    @Test
    @DisplayName("malformed YAML, with a code frame")
    void malformed() throws IOException {
      CliRun run = lint("bad.yaml", "worker:\n  config: [a\n".getBytes(StandardCharsets.UTF_8));
      assertRule(run, "input.yaml-syntax");
      assertTrue(run.out().contains(" | "), run::toString);
    }

    @Test
    @DisplayName("an alias bomb")
    void aliasBomb() throws IOException {
      StringBuilder sb = new StringBuilder("a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n");
      for (int i = 1; i < 9; i++) {
        String prev = "*a" + (i - 1);
        sb.append("a")
            .append(i)
            .append(": &a")
            .append(i)
            .append(" [")
            .append(String.join(",", java.util.Collections.nCopies(10, prev)))
            .append("]\n");
      }
      assertRule(
          lint("bomb.yaml", sb.toString().getBytes(StandardCharsets.UTF_8)),
          "input.yaml-alias-limit");
    }

    @Test
    @DisplayName("deep nesting")
    void deep() throws IOException {
      String deep = "a: ".repeat(1) + "[".repeat(5000) + "]".repeat(5000) + "\n";
      assertRule(
          lint("deep.yaml", deep.getBytes(StandardCharsets.UTF_8)), "input.yaml-depth-limit");
    }

    @Test
    @DisplayName("a huge file")
    void huge() throws IOException {
      byte[] big = new byte[9 * 1024 * 1024];
      java.util.Arrays.fill(big, (byte) 'a');
      assertRule(lint("huge.yaml", big), "input.too-large");
    }

    @Test
    @DisplayName("a binary file")
    void binary() throws IOException {
      assertRule(lint("bin.yaml", new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2}), "input.binary");
    }

    @Test
    @DisplayName("text that is not UTF-8")
    void latin1() throws IOException {
      assertRule(
          lint("latin1.yaml", "a: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
          "input.not-utf8");
    }

    @Test
    @DisplayName("a quantity whose exponent overflows is a finding, not an internal error")
    void hugeExponent() {
      CliRun run = CliRun.of("lint", CliRun.fixture("huge-quantity.yaml"));
      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(run.out().contains(":9:12: error:"), run::toString);
      assertFalse(run.err().contains("internal error"), run::toString);
    }

    @Test
    @DisplayName("a directory instead of a file exits 2")
    void directory() {
      CliRun run = CliRun.of("lint", dir.toString());
      assertEquals(2, run.exitCode(), run::toString);
    }
  }
}
