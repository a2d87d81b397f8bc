package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release commands before they reach a cluster: names, flags and values are checked first, and
 * a kubeconfig that is not there is named. The kubeconfig here points at a port nothing listens on.
 */
@DisplayName("release commands without a cluster")
class ReleaseCommandsOfflineTest {
  private static final String GOOD = CliRun.fixture("good.yaml");
  private static final String BROKEN = CliRun.fixture("broken.yaml");

  @TempDir Path dir;
  private String kubeconfig;

  @BeforeEach
  void unreachableCluster() throws IOException {
    Path file = dir.resolve("config");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: Config\nclusters:\n"
            + "- name: nowhere\n  cluster: {server: 'https://127.0.0.1:1'}\n"
            + "contexts:\n- name: nowhere\n  context: {cluster: nowhere, user: me}\n"
            + "current-context: nowhere\nusers:\n- name: me\n  user: {token: not-a-secret}\n");
    kubeconfig = file.toString();
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--kubeconfig");
    all.add(kubeconfig);
    return CliRun.of(all.toArray(String[]::new));
  }

  @Nested
  @DisplayName("values are linted before the cluster is contacted")
  class ValuesFirst {
    @Test
    @DisplayName("install, upgrade and diff with broken values print the findings and exit 1")
    void brokenValues() {
      for (String command : List.of("install", "upgrade", "diff")) {
        CliRun run = run(command, "demo", "-f", BROKEN);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("broken.yaml:2:14: error:"), run::toString);
        assertFalse(run.err().contains("cannot reach"), run::toString);
      }
    }

    @Test
    @DisplayName("broken values with a template expression: the same findings as lint and template")
    void sameFindingsAsLint() {
      String[] values = {
        "-f", GOOD,
        "--set", "worker.replicaCount=two",
        "--set-literal", "commonLabels.k8s=v{{ .Capabilities.KubeVersion }}"
      };
      CliRun lint = CliRun.of(concat(List.of("lint", "--no-color"), values));
      CliRun template = CliRun.of(concat(List.of("template", "demo", "--no-color"), values));
      assertTrue(lint.out().contains("[tpl.unsupported]"), lint::toString);
      for (String command : List.of("install", "upgrade", "diff")) {
        CliRun run = run(concat(List.of(command, "demo", "--no-color"), values));
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(template.err(), run.err(), command);
        assertFalse(run.err().contains("cannot reach"), run::toString);
      }
    }

    private String[] concat(List<String> first, String[] rest) {
      List<String> all = new ArrayList<>(first);
      all.addAll(List.of(rest));
      return all.toArray(String[]::new);
    }

    @Test
    @DisplayName("an unreadable values file exits 2 without contacting the cluster")
    void missingValues() {
      CliRun run = run("install", "demo", "-f", dir.resolve("none.yaml").toString());
      assertEquals(2, run.exitCode(), run::toString);
      assertTrue(run.err().contains("file not found [input.not-found]"), run::toString);
      assertFalse(run.err().contains("cannot reach"), run::toString);
    }

    @Test
    @DisplayName("with good values, the unreachable cluster is reported in one line (exit 2)")
    void goodValues() {
      List<String[]> commands =
          List.of(
              new String[] {"install", "demo", "-f", GOOD},
              new String[] {"upgrade", "demo", "-f", GOOD},
              new String[] {"diff", "demo", "-f", GOOD},
              new String[] {"status", "demo"},
              new String[] {"history", "demo"});
      for (String[] args : commands) {
        CliRun run = run(args);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(
            "pwk: cannot reach the Kubernetes API server at https://127.0.0.1:1/ (Connection"
                + " refused)\n",
            run.err(),
            args[0]);
      }
    }
  }

  @Nested
  @DisplayName("flags are checked before the cluster is contacted")
  class FlagsFirst {
    @Test
    @DisplayName("--dry-run with an unknown mode")
    void dryRun() {
      for (String command : List.of("install", "upgrade", "rollback")) {
        CliRun run = run(command, "demo", "--dry-run=maybe");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("pwk: --dry-run takes client or server, not \"maybe\"\n", run.err(), command);
      }
    }

    @Test
    @DisplayName("--timeout that is not a duration")
    void timeout() {
      CliRun run = run("upgrade", "demo", "-f", GOOD, "--timeout", "5x");
      assertEquals(2, run.exitCode(), run::toString);
      assertEquals("pwk: invalid duration \"5x\": use e.g. 90s, 5m or 1h30m\n", run.err());
    }
  }

  @Nested
  @DisplayName("a kubeconfig that is not there is named, not replaced by in-cluster defaults")
  class MissingKubeconfig {
    @Test
    @DisplayName("--kubeconfig naming a missing file exits 2 with its path")
    void flag() {
      String missing = dir.resolve("no-such-config").toString();
      List<String[]> commands =
          List.of(
              new String[] {"install", "demo", "-f", GOOD, "--kubeconfig", missing},
              new String[] {"diff", "demo", "-f", GOOD, "--kubeconfig", missing},
              new String[] {"status", "demo", "--kubeconfig", missing});
      for (String[] args : commands) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("pwk: kubeconfig file not found: " + missing + "\n", run.err(), args[0]);
      }
    }

    @Test
    @DisplayName("$KUBECONFIG naming only missing files fails with their paths")
    void environment() {
      String a = dir.resolve("a").toString();
      String b = dir.resolve("b").toString();
      UserException e =
          assertThrows(
              UserException.class, () -> Kubeconfig.check(null, a + File.pathSeparator + b));
      assertEquals(ExitCodes.USAGE, e.exitCode());
      assertEquals(
          "kubeconfig file not found: " + a + ", " + b + " (from KUBECONFIG)", e.getMessage());
    }

    @Test
    @DisplayName("$KUBECONFIG with one existing file among missing ones is read, as kubectl does")
    void environmentPartlyThere() {
      Kubeconfig.check(null, dir.resolve("a") + File.pathSeparator + kubeconfig);
      Kubeconfig.check(null, null);
      Kubeconfig.check(null, "");
      Kubeconfig.check(Path.of(kubeconfig), dir.resolve("a").toString());
    }

    @Test
    @DisplayName("--kubeconfig naming a directory is not a kubeconfig")
    void directory() {
      UserException e = assertThrows(UserException.class, () -> Kubeconfig.check(dir, null));
      assertEquals("kubeconfig file not found: " + dir, e.getMessage());
    }
  }

  @Nested
  @DisplayName("diff --detailed-exitcode: 0 no changes, 2 changes, 1 any failure")
  class DetailedExitCode {
    @Test
    @DisplayName("failures that exit 2 without the flag exit 1 with it")
    void failuresExitOne() {
      String missing = dir.resolve("none.yaml").toString();
      List<String[]> failures =
          List.of(
              new String[] {"diff", "demo", "-f", GOOD},
              new String[] {"diff", "demo", "-f", missing},
              new String[] {"diff", "My_Worker", "-f", GOOD},
              new String[] {"diff", "demo", "-f", GOOD, "--bogus"});
      for (String[] args : failures) {
        CliRun plain = run(args);
        assertEquals(2, plain.exitCode(), plain::toString);
        List<String> detailed = new ArrayList<>(List.of(args));
        detailed.add("--detailed-exitcode");
        CliRun run = run(detailed.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(plain.err(), run.err());
      }
    }

    @Test
    @DisplayName("findings in the values exit 1 either way")
    void findings() {
      assertEquals(1, run("diff", "demo", "-f", BROKEN, "--detailed-exitcode").exitCode());
    }

    @Test
    @DisplayName("a failure's code turns from 2 to 1 only with the flag")
    void failureCode() {
      assertEquals(ExitCodes.FINDINGS, DiffCommand.failureCode(true, ExitCodes.USAGE));
      assertEquals(ExitCodes.FINDINGS, DiffCommand.failureCode(true, ExitCodes.FINDINGS));
      assertEquals(ExitCodes.USAGE, DiffCommand.failureCode(false, ExitCodes.USAGE));
      assertEquals(ExitCodes.FINDINGS, DiffCommand.failureCode(false, ExitCodes.FINDINGS));
    }
  }
}
