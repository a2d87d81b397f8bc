package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The completion script, sourced in a real bash and a real zsh. bash is asked the way it asks on
 * TAB (COMP_WORDS, COMP_CWORD, COMP_LINE); zsh is typed into through a pseudo-terminal.
 */
@DisplayName("pwk completion: every command and option completes in a real shell")
class CompletionTest {
  private static final Path DRIVERS = Path.of("src", "test", "resources", "completion");

  @TempDir Path dir;

  @Test
  @DisplayName("bash: 'pwk li<TAB>', 'pwk lint --st<TAB>', every command and every option")
  void bash() throws Exception {
    Path script = script("bash");
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("pwk li", List.of("lint", "lint-job-template"));
    expected.put("pwk lint --st", List.of("--strict"));
    expected.put("pwk completion ", List.of("bash", "zsh"));
    expected.put("pwk lint --format ", List.of("text", "json", "junit", "sarif", "github"));
    CommandLine root = Pwk.newCommandLine();
    expected.put("pwk ", visibleSubcommands(root));
    for (CommandLine command : visibleCommands(root)) {
      String line = command.getCommandSpec().qualifiedName(" ") + " -";
      expected.put(line, optionNames(command));
    }
    List<String> args = new ArrayList<>(List.of("bash", "--norc", "--noprofile"));
    args.add(DRIVERS.resolve("complete.bash").toString());
    args.add(script.toString());
    args.addAll(expected.keySet());
    String out = run(args);
    Map<String, List<String>> offered = new LinkedHashMap<>();
    for (String reply : out.lines().toList()) {
      int arrow = reply.indexOf("=>");
      String words = reply.substring(arrow + 2);
      offered.put(
          reply.substring(0, arrow), words.isEmpty() ? List.of() : List.of(words.split(" ")));
    }
    for (var e : expected.entrySet()) {
      List<String> got = offered.get(e.getKey());
      if (e.getKey().endsWith(" -") || e.getKey().equals("pwk ")) {
        assertEquals(new TreeSet<>(e.getValue()), new TreeSet<>(got), e.getKey());
      } else {
        assertEquals(e.getValue(), got, e.getKey());
      }
    }
    assertTrue(expected.size() > 15, "every command was asked: " + expected.keySet());
  }

  @Test
  @DisplayName("zsh: 'pwk li<TAB><TAB>' lists lint and lint-job-template; 'pwk lint --st<TAB>'")
  void zsh() throws Exception {
    if (!onPath("zsh")) {
      String why = "zsh is not installed, so zsh completion is untested";
      if ("true".equals(System.getenv("CI"))) {
        fail(why + ": CI must install it (apt-get install -y zsh)");
      }
      Assumptions.abort(why + " (install zsh to run this test)");
    }
    Path script = script("zsh");
    String out =
        run(
            List.of(
                "zsh",
                "-f",
                DRIVERS.resolve("tab.zsh").toString(),
                script.toString(),
                "pwk li",
                "pwk lint --st"));
    List<String> lines = out.replace("\r", "").lines().map(String::strip).toList();
    assertTrue(lines.contains("lint               lint-job-template"), out);
    assertTrue(lines.contains("LINE: pwk lint"), out);
    assertTrue(lines.contains("LINE: pwk lint --strict"), out);
  }

  /** The script as {@code pwk completion SHELL} prints it, through main's command line. */
  private Path script(String shell) throws IOException {
    CliRun run = CliRun.ofMain("completion", shell);
    assertEquals(0, run.exitCode(), run::toString);
    Path script = dir.resolve("pwk-completion." + shell);
    Files.writeString(script, run.out(), StandardCharsets.UTF_8);
    return script;
  }

  /** Every command a user can call, nested ones included, without the hidden ones. */
  private static List<CommandLine> visibleCommands(CommandLine command) {
    List<CommandLine> all = new ArrayList<>();
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        all.add(sub);
        all.addAll(visibleCommands(sub));
      }
    }
    return all;
  }

  private static List<String> visibleSubcommands(CommandLine command) {
    return command.getSubcommands().entrySet().stream()
        .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
        .map(Map.Entry::getKey)
        .toList();
  }

  private static List<String> optionNames(CommandLine command) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec o : command.getCommandSpec().options()) {
      if (!o.hidden()) {
        names.addAll(Arrays.asList(o.names()));
      }
    }
    return List.copyOf(names);
  }

  private static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

  /** Runs {@code command} and returns its standard output; it must exit 0. */
  private String run(List<String> command) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    // A guard against a hung shell, not a timing assertion.
    boolean finished = p.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly().waitFor();
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String report =
        String.join(" ", command)
            + "\n--- out\n"
            + stdout
            + "--- err\n"
            + Files.readString(err, StandardCharsets.UTF_8);
    assertTrue(finished, () -> "did not finish: " + report);
    assertEquals(0, p.exitValue(), () -> "failed: " + report);
    return stdout;
  }
}
