package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("pwk migrate")
class MigrateCommandTest {
  private static final String OLD =
      "# our worker\nworker:\n  apiConfig: server  # on-prem\n  serverApiConfig:\n"
          + "    apiUrl: http://prefect:4200/api\n";
  private static final String NEW =
      "# our worker\nworker:\n  apiConfig: selfHostedServer  # on-prem\n"
          + "  selfHostedServerApiConfig:\n    apiUrl: http://prefect:4200/api\n";
  private static final String CURRENT = "worker:\n  apiConfig: cloud\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  @DisplayName("one file: prints the migrated file and reports the release and the changes")
  void printsOneFile() throws Exception {
    Path f = file("values.yaml", OLD);
    CliRun run = CliRun.of("migrate", f.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(NEW, run.out());
    assertEquals(
        f
            + ": written for chart 2023.09.07 – 2025.2.21193831; applying the changes after"
            + " 2023.09.07\n"
            + f
            + ": worker.serverApiConfig became worker.selfHostedServerApiConfig in chart"
            + " 2025.3.7033449\n"
            + f
            + ": worker.apiConfig: server became selfHostedServer in chart 2025.3.7033449\n"
            + f
            + ": the worker also changed in chart 2023.11.16: the worker starts with"
            + " --install-policy from worker.config.installPolicy (default prompt)\n"
            + f
            + ": the worker also changed in chart 2025.3.7033449: with Prefect Cloud the worker is"
            + " told the API key Secret's name and key"
            + " (PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_NAME and _KEY)\n"
            + f
            + ": the worker also changed in chart 2025.5.8204048: the worker's Kubernetes observer"
            + " watches the release's namespace"
            + " (PREFECT_INTEGRATIONS_KUBERNETES_OBSERVER_NAMESPACES)\n",
        run.err());
    assertEquals(OLD, Files.readString(f), "nothing written");
  }

  @Test
  @DisplayName(
      "--write rewrites each file in place and keeps its mode; a second run changes nothing")
  void writes() throws Exception {
    Path a = file("a.yaml", OLD);
    Path b = file("b.yaml", CURRENT);
    Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r-----"));
    CliRun run = CliRun.of("migrate", "--write", a.toString(), b.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("", run.out());
    assertEquals(NEW, Files.readString(a));
    assertEquals(CURRENT, Files.readString(b));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
    assertTrue(run.err().contains(b + ": up to date (written for chart "), run.err());
    try (var listing = Files.list(dir)) {
      assertEquals(2, listing.count(), "no temporary file left");
    }
    CliRun again = CliRun.of("migrate", "--check", a.toString(), b.toString());
    assertEquals(0, again.exitCode(), again.toString());
  }

  @Test
  @DisplayName("--diff prints a unified diff and writes nothing")
  void diff() throws Exception {
    Path f = file("values.yaml", OLD);
    CliRun run = CliRun.of("migrate", "--diff", f.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(
        "--- a/"
            + f
            + "\n+++ b/"
            + f
            + "\n@@ -1,5 +1,5 @@\n # our worker\n worker:\n"
            + "-  apiConfig: server  # on-prem\n-  serverApiConfig:\n"
            + "+  apiConfig: selfHostedServer  # on-prem\n+  selfHostedServerApiConfig:\n"
            + "     apiUrl: http://prefect:4200/api\n",
        run.out());
    assertEquals(OLD, Files.readString(f));
  }

  @Nested
  @DisplayName("--check (CI and the pwk-migrate-check hook)")
  class Check {
    @Test
    @DisplayName("exits 1 when a file needs migrating, naming the command that fixes it")
    void needsMigrating() throws Exception {
      Path old = file("old.yaml", OLD);
      Path current = file("current.yaml", CURRENT);
      CliRun run = CliRun.of("migrate", "--check", current.toString(), old.toString());
      assertEquals(1, run.exitCode(), run.toString());
      assertEquals("", run.out());
      assertTrue(
          run.err().endsWith(old + ": needs migrating; run: pwk migrate --write " + old + "\n"),
          run.err());
      assertEquals(OLD, Files.readString(old));
    }

    @Test
    @DisplayName("exits 0 when every file is current")
    void current() throws Exception {
      CliRun run = CliRun.of("migrate", "--check", file("v.yaml", CURRENT).toString());
      assertEquals(0, run.exitCode(), run.toString());
    }

    @Test
    @DisplayName("a removed non-default setting is a warning that fails the check")
    void warningFails() throws Exception {
      Path f = file("v.yaml", "worker:\n  serverApiConfig:\n    uiUrl: https://ui.example\n");
      CliRun run = CliRun.of("migrate", "--check", f.toString());
      assertEquals(1, run.exitCode(), run.toString());
      assertTrue(
          run.err().contains(": warning: worker.serverApiConfig.uiUrl was removed"), run.err());
      assertTrue(!run.err().contains("ui.example"), "no value printed: " + run.err());
    }
  }

  @Test
  @DisplayName("--from overrides detection")
  void from() throws Exception {
    Path f = file("v.yaml", "worker:\n  apiConfig: server\n");
    assertEquals(
        "worker:\n  apiConfig: server\n",
        CliRun.of("migrate", "--from", "2025.3.7033449", f.toString()).out());
    assertEquals(
        "worker:\n  apiConfig: selfHostedServer\n",
        CliRun.of("migrate", "--from", "2024.1.18", f.toString()).out());
  }

  @Nested
  @DisplayName("mistakes are one line and exit 2")
  class Mistakes {
    @Test
    void unknownRelease() throws Exception {
      CliRun run = CliRun.of("migrate", "--from", "2020.1.1", file("v.yaml", CURRENT).toString());
      assertEquals(2, run.exitCode(), run.toString());
      assertTrue(
          run.err().startsWith("pwk: unknown chart release '2020.1.1' for --from"), run.err());
    }

    @Test
    void missingFile() {
      CliRun run = CliRun.of("migrate", dirPath("none.yaml"));
      assertEquals(2, run.exitCode(), run.toString());
      assertEquals("pwk migrate: file not found: " + dirPath("none.yaml") + "\n", run.err());
    }

    @Test
    void invalidYaml() throws Exception {
      Path f = file("v.yaml", "worker: [\n");
      CliRun run = CliRun.of("migrate", f.toString());
      assertEquals(2, run.exitCode(), run.toString());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(!run.err().contains("Exception"), run.err());
      // The same headline as pwk lint prints for the file.
      assertTrue(run.err().startsWith(f + ":"), run.err());
      assertTrue(run.err().contains(": error: YAML syntax error"), run.err());
      assertTrue(run.err().endsWith(" [input.yaml-syntax]\n"), run.err());
    }

    @Test
    void severalFilesWithoutMode() throws Exception {
      CliRun run =
          CliRun.of(
              "migrate", file("a.yaml", CURRENT).toString(), file("b.yaml", CURRENT).toString());
      assertEquals(2, run.exitCode(), run.toString());
      assertTrue(
          run.err().startsWith("pwk: several files need --write, --diff or --check"), run.err());
    }

    @Test
    void twoModes() throws Exception {
      CliRun run = CliRun.of("migrate", "--write", "--check", file("a.yaml", CURRENT).toString());
      assertEquals(2, run.exitCode(), run.toString());
      assertTrue(run.err().startsWith("pwk: choose one of --write, --diff, --check"), run.err());
    }

    private String dirPath(String name) {
      return dir.resolve(name).toString();
    }
  }
}
