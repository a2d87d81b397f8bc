package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** User mistakes on the command line: one clear line, a hint, exit 2, never an internal error. */
@DisplayName("usage errors")
class UsageErrorsTest {
  private static final String GOOD = CliRun.fixture("good.yaml");

  /** Exit 2, the message as the first line, then only the usage hint. */
  private static void assertUsageError(CliRun run, String message, String command) {
    assertEquals(2, run.exitCode(), run::toString);
    assertEquals("pwk: " + message + "\nRun '" + command + " --help' for usage.\n", run.err());
    assertEquals("", run.out(), run::toString);
  }

  @Nested
  @DisplayName("typos")
  class Typos {
    @Test
    @DisplayName("an unknown command suggests the nearest one")
    void command() {
      assertUsageError(
          CliRun.of("lnt", "x.yaml"), "unknown command 'lnt'; did you mean 'lint'?", "pwk");
    }

    @Test
    @DisplayName("an unknown option suggests the nearest one of that command")
    void option() {
      assertUsageError(
          CliRun.of("lint", "--stict", GOOD),
          "unknown option '--stict'; did you mean '--strict'?",
          "pwk lint");
    }

    @Test
    @DisplayName("an unknown format lists the formats in lower case, as users type them")
    void format() {
      assertUsageError(
          CliRun.of("lint", "--format", "xml", GOOD),
          "Invalid value for option '--format': expected one of text, json, junit, sarif, github"
              + " but was 'xml'",
          "pwk lint");
    }

    @Test
    @DisplayName("an unknown shell lists the shells in lower case")
    void shell() {
      CliRun run = CliRun.of("completion", "fish");
      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(run.err().contains("expected one of bash, zsh but was 'fish'"), run::toString);
    }
  }

  @Nested
  @DisplayName("release names and namespaces: Helm's rules, the same words from every command")
  class Names {
    private static final String BAD_NAME =
        "invalid release name \"My_Worker\": use at most 53 lower-case letters, digits, '-' or"
            + " '.', starting and ending with a letter or digit";
    private static final String BAD_NAMESPACE =
        "invalid namespace \"Bad_NS\": use at most 63 lower-case letters, digits or '-',"
            + " starting and ending with a letter or digit";

    /** The release commands, with -f where they read values. */
    private static final List<List<String>> RELEASE_COMMANDS =
        List.of(
            List.of("install", "-f", GOOD),
            List.of("upgrade", "-f", GOOD),
            List.of("diff", "-f", GOOD),
            List.of("status"),
            List.of("uninstall"),
            List.of("history"),
            List.of("rollback"));

    private static CliRun run(List<String> command, String... more) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of(more));
      return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("every command that takes a release name rejects an invalid one")
    void releaseName() {
      for (List<String> command : RELEASE_COMMANDS) {
        assertUsageError(run(command, "My_Worker"), BAD_NAME, "pwk " + command.get(0));
      }
      assertUsageError(CliRun.of("template", "My_Worker", "-f", GOOD), BAD_NAME, "pwk template");
      assertUsageError(CliRun.of("lint", "--release", "My_Worker", GOOD), BAD_NAME, "pwk lint");
    }

    @Test
    @DisplayName("every command that takes a namespace rejects an invalid one")
    void namespace() {
      for (List<String> command : RELEASE_COMMANDS) {
        assertUsageError(
            run(command, "ok", "-n", "Bad_NS"), BAD_NAMESPACE, "pwk " + command.get(0));
      }
      assertUsageError(
          CliRun.of("template", "-n", "Bad_NS", "-f", GOOD), BAD_NAMESPACE, "pwk template");
      assertUsageError(CliRun.of("lint", "-n", "Bad_NS", GOOD), BAD_NAMESPACE, "pwk lint");
    }

    @Test
    @DisplayName("lint --release with a template expression in the values is a usage error too")
    void lintReleaseWithTemplate() {
      assertUsageError(
          CliRun.of(
              "lint",
              "--release",
              "My_Worker",
              "-f",
              GOOD,
              "--set-literal",
              "commonLabels.team={{ .Release.Name }}-team"),
          BAD_NAME,
          "pwk lint");
    }
  }

  @Nested
  @DisplayName("malformed --set flags are usage errors (exit 2)")
  class SetSyntax {
    @Test
    @DisplayName("lint")
    void lint() {
      CliRun run = CliRun.of("lint", "-f", GOOD, "--set", "worker.config[x=1");
      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(run.out().contains("[input.set-syntax]"), run::toString);
      CliRun json = CliRun.of("lint", "-f", GOOD, "--set-json", "worker.config={");
      assertEquals(2, json.exitCode(), json::toString);
      assertTrue(json.out().contains("[input.set-json-syntax]"), json::toString);
    }

    @Test
    @DisplayName("template")
    void template() {
      CliRun run = CliRun.of("template", "-f", GOOD, "--set", "worker.config[x=1");
      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(run.err().contains("[input.set-syntax]"), run::toString);
      assertEquals("", run.out());
    }

    @Test
    @DisplayName("a well-formed --set with a wrong value is a finding (exit 1), not a usage error")
    void wrongValue() {
      CliRun run = CliRun.of("lint", "-f", GOOD, "--set", "worker.replicaCount=two");
      assertEquals(1, run.exitCode(), run::toString);
      assertFalse(run.out().contains("syntax"), run::toString);
    }
  }
}
