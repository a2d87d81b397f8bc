package dev.pwk.cli.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pwk.cli.Pwk;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the commands of every {@code <!-- doc-test -->} block in docs/guide/*.md and checks that
 * they print what the guide shows and exit as it says (see {@link DocBlocks} for the format).
 * Commands run in-process, as from the repository root, and their standard output and error are
 * captured as a terminal would show them when the process exits. Arguments that name files of the
 * repository are resolved against it, files a command writes ({@code --output}, {@code
 * --output-dir}) go to a temporary directory, and both directories are cut from the output again.
 * Blocks marked {@code <!-- doc-test: cluster -->} need a cluster: here their commands are only
 * parsed, so that an option the CLI no longer has fails the build; the integration test {@code
 * GuideClusterCommandsIT} runs them.
 */
@DisplayName("the commands in docs/guide print what the guide shows")
class GuideCommandsTest {
  /** The repository root; the tests run in the cli module directory. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path GUIDE = ROOT.resolve(Path.of("docs", "guide"));

  private static final Set<String> OUTPUT_OPTIONS = Set.of("--output", "--output-dir");

  @TempDir static Path scratch;

  static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.list(GUIDE)) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  @TestFactory
  @DisplayName("doc-test blocks")
  Stream<DynamicNode> blocks() throws IOException {
    List<DynamicNode> pages = new ArrayList<>();
    for (Path page : pages()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (DocBlocks.Block block : DocBlocks.parse(page)) {
        for (DocBlocks.Command command : block.commands()) {
          String name = page.getFileName() + ":" + command.line() + " " + command.text();
          if (block.kind().equals("cluster")) {
            tests.add(
                DynamicTest.dynamicTest(name + " (parsed only)", () -> parses(page, command)));
          } else if (block.kind().isEmpty()) {
            tests.add(DynamicTest.dynamicTest(name, () -> runs(page, command)));
          } else {
            tests.add(
                DynamicTest.dynamicTest(
                    name,
                    () -> fail(block.where() + ": unknown marker doc-test: " + block.kind())));
          }
        }
      }
      if (!tests.isEmpty()) {
        pages.add(DynamicContainer.dynamicContainer(page.getFileName().toString(), tests));
      }
    }
    return pages.stream();
  }

  @Test
  @DisplayName("the guide has tested blocks, and each holds at least one command")
  void guideHasTestedBlocks() throws IOException {
    int commands = 0;
    for (Path page : pages()) {
      for (DocBlocks.Block block : DocBlocks.parse(page)) {
        assertFalse(
            block.commands().isEmpty(), block.where() + ": a doc-test block without commands");
        commands += block.commands().size();
      }
    }
    assertTrue(commands > 10, "only " + commands + " tested commands in docs/guide");
  }

  private static void runs(Path page, DocBlocks.Command command) {
    String where = "docs/guide/" + page.getFileName() + ":" + command.line() + ": $ ";
    List<String> args = resolve(command.args());
    StringWriter both = new StringWriter();
    CommandLine pwk = Pwk.newCommandLine();
    // Buffered and flushed only by println, and not at the end: what reaches a terminal when
    // Pwk.main exits (picocli's writers over System.out and System.err behave so).
    pwk.setOut(new PrintWriter(new BufferedWriter(both), true));
    pwk.setErr(new PrintWriter(new BufferedWriter(both), true));
    int exit = pwk.execute(args.toArray(String[]::new));
    String printed =
        both.toString().replace(ROOT + "/", "").replace(scratch.toAbsolutePath() + "/", "");
    List<String> actual = printed.lines().toList();
    if (!DocBlocks.matches(command.expected(), actual)) {
      fail(
          where
              + command.text()
              + "\nprinted (update the guide if this is right):\n"
              + printed
              + "\nbut the guide shows:\n"
              + String.join("\n", command.expected()));
    }
    assertEquals(
        command.exitCode(),
        exit,
        () ->
            where + command.text() + " exited " + exit + "; the guide says " + command.exitCode());
  }

  private static void parses(Path page, DocBlocks.Command command) {
    List<String> args = resolve(command.args());
    try {
      Pwk.newCommandLine().parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      fail(
          "docs/guide/"
              + page.getFileName()
              + ":"
              + command.line()
              + ": $ "
              + command.text()
              + "\ndoes not parse any more: "
              + e.getMessage());
    }
  }

  /**
   * The arguments with repository paths made absolute and output paths moved to scratch (except
   * with {@code --check}, where {@code --output} names a file to compare with).
   */
  static List<String> resolve(List<String> args) {
    List<String> out = new ArrayList<>();
    boolean check = args.contains("--check");
    String previous = "";
    for (String arg : args) {
      String resolved;
      if (OUTPUT_OPTIONS.contains(previous)) {
        resolved = check ? repositoryPath(arg) : scratch.resolve(arg).toString();
      } else if (previous.equals("--set-file") && arg.contains("=")) {
        int eq = arg.indexOf('=');
        resolved = arg.substring(0, eq + 1) + repositoryPath(arg.substring(eq + 1));
      } else if (arg.startsWith("-") && arg.contains("=")) {
        int eq = arg.indexOf('=');
        String option = arg.substring(0, eq);
        String value = arg.substring(eq + 1);
        if (OUTPUT_OPTIONS.contains(option)) {
          resolved = option + "=" + (check ? repositoryPath(value) : scratch.resolve(value));
        } else if (option.equals("--set-file") && value.contains("=")) {
          int e2 = value.indexOf('=');
          resolved = arg.substring(0, eq + 1 + e2 + 1) + repositoryPath(value.substring(e2 + 1));
        } else {
          resolved = option + "=" + repositoryPaths(value);
        }
      } else if (!arg.startsWith("-")) {
        resolved = repositoryPaths(arg);
      } else {
        resolved = arg;
      }
      out.add(resolved);
      previous = arg;
    }
    return out;
  }

  /** Each comma-separated part that names a file of the repository, made absolute. */
  private static String repositoryPaths(String value) {
    if (!value.contains(",")) {
      return repositoryPath(value);
    }
    List<String> parts = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      parts.add(repositoryPath(part));
    }
    return String.join(",", parts);
  }

  private static String repositoryPath(String value) {
    if (value.isEmpty() || value.contains("=") || value.startsWith("/")) {
      return value;
    }
    Path candidate = ROOT.resolve(value);
    return (value.contains("/") || value.contains(".")) && Files.exists(candidate)
        ? candidate.toString()
        : value;
  }
}
