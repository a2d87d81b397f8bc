package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.docs.DocsGenerator;
import dev.pwk.values.ValuesContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

@DisplayName("pwk schema, show, docs, completion and version")
class SmallCommandsTest {

  @Test
  @DisplayName("schema prints the bundled draft-07 schema")
  void schema() {
    CliRun run = CliRun.of("schema");
    assertEquals(0, run.exitCode());
    assertEquals(ValuesContract.schemaJson().strip(), run.out().strip());
    assertTrue(run.out().contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\""));
  }

  @Test
  @DisplayName("show values and show chart print the bundled files; show alone is a usage error")
  void show() {
    assertEquals(ValuesContract.defaultValuesYaml(), CliRun.of("show", "values").out());
    assertEquals(ValuesContract.chartYaml(), CliRun.of("show", "chart").out());
    assertEquals(2, CliRun.of("show").exitCode());
  }

  @Test
  @DisplayName("no option needs a converter that main leaves out to start faster")
  void convertersLeftOut() {
    List<String> types = new ArrayList<>();
    collectTypes(Pwk.newCommandLine().getCommandSpec(), types);
    assertTrue(types.contains("java.nio.file.Path"), types.toString());
    List<String> excluded =
        types.stream().filter(t -> t.matches(Pwk.EXCLUDED_CONVERTERS)).distinct().toList();
    assertEquals(List.of(), excluded);
    assertTrue("java.time.Duration".matches(Pwk.EXCLUDED_CONVERTERS));
  }

  private static void collectTypes(CommandSpec spec, List<String> types) {
    for (ArgSpec arg : spec.args()) {
      types.add(arg.type().getName());
      for (Class<?> aux : arg.auxiliaryTypes()) {
        types.add(aux.getName());
      }
    }
    spec.subcommands().values().forEach(sub -> collectTypes(sub.getCommandSpec(), types));
  }

  @Test
  @DisplayName("--version names the tool and the chart, on every command")
  void version() {
    CliRun run = CliRun.of("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("chart prefect-worker 2026.8.18172642 (appVersion 3.8.3)"));
    for (String[] args :
        List.of(new String[] {"lint", "-V"}, new String[] {"show", "chart", "-V"})) {
      CliRun sub = CliRun.of(args);
      assertEquals(0, sub.exitCode());
      assertEquals(run.out(), sub.out());
    }
  }

  @Test
  @DisplayName("completion prints a bash script for bash and zsh, and rejects other shells")
  void completion() {
    CliRun run = CliRun.of("completion", "bash");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("complete -F"), run.out());
    assertEquals(0, CliRun.of("completion", "zsh").exitCode());
    assertEquals(2, CliRun.of("completion", "fish").exitCode());
  }

  @Nested
  @DisplayName("docs")
  class Docs {
    @TempDir Path dir;

    @Test
    @DisplayName("renders the chart README by default")
    void readme() throws Exception {
      CliRun run = CliRun.of("docs");
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(DocsGenerator.create().renderChartReadme(), run.out());
    }

    @Test
    @DisplayName(
        "--check passes on a fresh file and fails with a diff on a stale one, writing nothing")
    void check() throws IOException {
      Path readme = dir.resolve("README.md");
      assertEquals(0, CliRun.of("docs", "--output", readme.toString()).exitCode());
      assertEquals(0, CliRun.of("docs", "--check", "--output", readme.toString()).exitCode());
      String fresh = Files.readString(readme);
      Files.writeString(readme, fresh.replace("# prefect-worker", "# prefect-worker (edited)"));
      CliRun stale = CliRun.of("docs", "--check", "--output", readme.toString());
      assertEquals(1, stale.exitCode());
      assertTrue(
          stale.out().contains("-# prefect-worker (edited)\n+# prefect-worker\n"), stale.out());
      assertTrue(Files.readString(readme).contains("(edited)"), "--check wrote nothing");
    }

    @Test
    @DisplayName("a user template with an unknown call fails with its line; a missing one exits 2")
    void badTemplate() throws IOException {
      Path t = dir.resolve("README.md.gotmpl");
      Files.writeString(t, "# x\n\n{{ template \"chart.nope\" . }}\n");
      CliRun run = CliRun.of("docs", "--template", t.toString());
      assertEquals(1, run.exitCode());
      assertTrue(run.err().contains("chart.nope"), run.err());
      assertEquals(2, CliRun.of("docs", "--template", dir.resolve("none").toString()).exitCode());
    }
  }
}
