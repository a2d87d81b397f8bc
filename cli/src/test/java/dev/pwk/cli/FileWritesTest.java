package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files pwk writes (docs --output, lint --output, template --output-dir): modes and errors. */
@DisplayName("files pwk writes")
class FileWritesTest {
  private static final String GOOD = CliRun.fixture("good.yaml");

  @TempDir Path dir;

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private static void chmod(Path file, String mode) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
  }

  /** Where template --output-dir puts the service account. */
  private static Path serviceAccount(Path outputDir) {
    return outputDir.resolve("prefect-worker/templates/serviceaccount.yaml");
  }

  @Nested
  @DisplayName("a new file gets the mode the umask leaves, as a shell redirection would")
  class NewFiles {
    @Test
    @DisplayName("docs, lint and template under umask 027 and 002 (pwk in a child process)")
    void umask() throws Exception {
      for (String umask : List.of("027", "002")) {
        String expected = umask.equals("027") ? "rw-r-----" : "rw-rw-r--";
        Path docs = dir.resolve(umask + "/README.md");
        Path report = dir.resolve(umask + "/report.txt");
        Path rendered = dir.resolve(umask + "/out");
        Files.createDirectories(docs.getParent());
        pwk(umask, "docs", "--output", docs.toString());
        pwk(umask, "lint", "--output", report.toString(), GOOD);
        pwk(umask, "template", "-f", GOOD, "--output-dir", rendered.toString());
        assertEquals(expected, mode(docs), "docs --output, umask " + umask);
        assertEquals(expected, mode(report), "lint --output, umask " + umask);
        assertEquals(expected, mode(serviceAccount(rendered)), "template, umask " + umask);
      }
    }

    @Test
    @DisplayName("in this process: the same mode as any file this process creates")
    void sameAsCreateFile() throws IOException {
      String expected = mode(Files.createFile(dir.resolve("reference")));
      Path docs = dir.resolve("README.md");
      assertEquals(0, CliRun.of("docs", "--output", docs.toString()).exitCode());
      assertEquals(expected, mode(docs));
    }

    /** Runs pwk in a new JVM under {@code umask}; it must exit 0. */
    private void pwk(String umask, String... args) throws Exception {
      List<String> command =
          new ArrayList<>(
              List.of(
                  "sh",
                  "-c",
                  "umask " + umask + " && exec \"$@\"",
                  "sh",
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Pwk.class.getName()));
      command.addAll(List.of(args));
      Path log = dir.resolve("pwk.log");
      Process p =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      // A guard against a hung child, not a timing assertion.
      boolean finished = p.waitFor(120, TimeUnit.SECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(finished, () -> "pwk did not finish: " + output);
      assertEquals(0, p.exitValue(), () -> String.join(" ", args) + ":\n" + output);
    }
  }

  @Nested
  @DisplayName("a replaced file keeps its mode")
  class ReplacedFiles {
    @Test
    @DisplayName("docs --output")
    void docs() throws IOException {
      Path docs = Files.writeString(dir.resolve("README.md"), "old\n");
      chmod(docs, "rw----r--");
      assertEquals(0, CliRun.of("docs", "--output", docs.toString()).exitCode());
      assertEquals("rw----r--", mode(docs));
      assertTrue(Files.readString(docs).startsWith("# prefect-worker"), "replaced");
    }

    @Test
    @DisplayName("lint --output")
    void lint() throws IOException {
      Path report = Files.writeString(dir.resolve("report.json"), "old\n");
      chmod(report, "rw-rw-rw-");
      CliRun run = CliRun.of("lint", "--format", "json", "--output", report.toString(), GOOD);
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals("rw-rw-rw-", mode(report));
      assertTrue(Files.readString(report).startsWith("{"), "replaced");
    }

    @Test
    @DisplayName("template --output-dir")
    void template() throws IOException {
      Path out = dir.resolve("out");
      Path file = serviceAccount(out);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "old\n");
      chmod(file, "r--------");
      CliRun run = CliRun.of("template", "-f", GOOD, "--output-dir", out.toString());
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals("r--------", mode(file));
      assertTrue(Files.readString(file).contains("kind: ServiceAccount"), "replaced");
    }
  }

  @Nested
  @DisplayName("a destination that cannot be written is a usage error in one line")
  class Unwritable {
    @Test
    @DisplayName("lint --output and docs --output naming a directory")
    void directory() {
      CliRun lint = CliRun.of("lint", "--output", dir.toString(), GOOD);
      assertEquals(2, lint.exitCode(), lint::toString);
      assertEquals("pwk: cannot write " + dir + ": it is a directory\n", lint.err());
      assertEquals("", lint.out());
      CliRun docs = CliRun.of("docs", "--output", dir.toString());
      assertEquals(2, docs.exitCode(), docs::toString);
      assertEquals("pwk: cannot write " + dir + ": it is a directory\n", docs.err());
    }

    @Test
    @DisplayName("template --output-dir under a file, with and without --each")
    void underAFile() throws IOException {
      Path file = Files.writeString(dir.resolve("file"), "x\n");
      CliRun run = CliRun.of("template", "-f", GOOD, "--output-dir", file.toString());
      assertEquals(2, run.exitCode(), run::toString);
      assertEquals("pwk: cannot write " + serviceAccount(file) + ": Not a directory\n", run.err());
      CliRun each =
          CliRun.of("template", "-f", GOOD, "--each", GOOD, "--output-dir", file.toString());
      assertEquals(2, each.exitCode(), each::toString);
      assertTrue(each.err().startsWith("pwk: cannot write " + file + "/good/"), each::toString);
      assertEquals(1, each.err().lines().count(), each::toString);
    }
  }
}
