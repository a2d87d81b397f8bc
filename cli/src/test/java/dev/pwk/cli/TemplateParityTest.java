package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.Renderer;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.testing.ConformanceCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity at the command line: every values set the chart renders, {@code pwk template} renders (the
 * renderer's own tests compare the objects with Helm's), and every one the chart rejects, {@code
 * pwk template} rejects before printing anything.
 */
@DisplayName("pwk template accepts and rejects what the chart does")
class TemplateParityTest {

  static Stream<ConformanceCase> renderCases() {
    return ConformanceCase.renderedCases().stream();
  }

  static Stream<ConformanceCase> errorCases() {
    return ConformanceCase.errorCases().stream();
  }

  private static CliRun template(ConformanceCase c) {
    List<String> args = new ArrayList<>(List.of("template", c.release(), "-n", c.namespace()));
    c.inputs().files().forEach(f -> args.addAll(List.of("-f", f.toString())));
    c.inputs().setJson().forEach(a -> args.addAll(List.of("--set-json", a)));
    c.inputs().set().forEach(a -> args.addAll(List.of("--set", a)));
    c.inputs().setString().forEach(a -> args.addAll(List.of("--set-string", a)));
    c.inputs().setFile().forEach(a -> args.addAll(List.of("--set-file", a)));
    return CliRun.of(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderCases")
  @DisplayName("a case Helm renders: exit 0 and exactly the renderer's output")
  void renders(ConformanceCase c) throws Exception {
    CliRun run = template(c);
    assertEquals(0, run.exitCode(), run::toString);
    String expected =
        Renderer.create()
            .render(
                ValuesLoader.create().load(c.inputs()),
                RenderOptions.builder().releaseName(c.release()).namespace(c.namespace()).build())
            .toYaml();
    assertEquals(expected, run.out());
  }

  static Stream<ConformanceCase> refusedCases() {
    return ConformanceCase.refusedCases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedCases")
  @DisplayName("a case Helm renders into what the API server rejects: exit 1, the rule, no output")
  void refuses(ConformanceCase c) {
    CliRun run = template(c);
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("", run.out());
    assertTrue(
        run.err().contains("[" + c.acceptRefusalMentioning().orElseThrow() + "]"), run::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCases")
  @DisplayName("a case Helm rejects: a non-zero exit, a finding, nothing on standard output")
  void rejects(ConformanceCase c) {
    CliRun run = template(c);
    assertNotEquals(0, run.exitCode(), run::toString);
    assertEquals("", run.out());
    assertTrue(run.err().contains("error:"), run::toString);
  }

  @Test
  @DisplayName("a base job template Prefect would reject is a warning, and rendered like the chart")
  void brokenJobTemplateStillRenders() {
    CliRun run = template(ConformanceCase.named("sc-bjt-setfile-json"));
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains("warning: job_configuration.")
            && run.err().contains("[base-job-template.undeclared-variable]"),
        run::toString);
    assertTrue(run.out().contains("kind: ConfigMap"), run::toString);
    CliRun lint =
        CliRun.of(
            "lint",
            "--set-file",
            "worker.config.baseJobTemplate.configuration="
                + Path.of(
                    ConformanceCase.named("sc-bjt-setfile-json").dir().toString(),
                    "base-job-template.json"),
            "-f",
            ConformanceCase.named("sc-bjt-setfile-json").inputs().files().get(0).toString());
    assertEquals(0, lint.exitCode(), lint::toString);
    assertTrue(lint.out().contains("[base-job-template.undeclared-variable]"), lint::toString);
    CliRun strict =
        CliRun.of(
            "lint",
            "--strict",
            "--set-file",
            "worker.config.baseJobTemplate.configuration="
                + Path.of(
                    ConformanceCase.named("sc-bjt-setfile-json").dir().toString(),
                    "base-job-template.json"),
            "-f",
            ConformanceCase.named("sc-bjt-setfile-json").inputs().files().get(0).toString());
    assertEquals(1, strict.exitCode(), strict::toString);
  }
}
