package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

@DisplayName("help text: picocli wraps it")
class HelpTextTest {

  /**
   * Picocli wraps each description line to the terminal on its own; a sentence broken over two
   * lines by hand is wrapped twice and leaves a ragged line ("(which" / "helm lint" / "never
   * reports)"). So each line is a whole paragraph or an indented sample.
   */
  @Test
  @DisplayName("every description line is a whole paragraph or an indented sample")
  void noHandWrappedLines() {
    List<String> broken = new ArrayList<>();
    collect(Pwk.newCommandLine(), broken);
    assertEquals(List.of(), broken);
  }

  @Test
  @DisplayName("the check finds a sentence broken over two lines")
  void findsHandWrappedLines() {
    CommandSpec spec = CommandSpec.create().name("x");
    spec.usageMessage()
        .description("Checks the values the chart requires (which helm lint", "never reports).");
    List<String> broken = new ArrayList<>();
    collect(new CommandLine(spec), broken);
    assertEquals(List.of("x: Checks the values the chart requires (which helm lint"), broken);
  }

  private static void collect(CommandLine command, List<String> broken) {
    CommandSpec spec = command.getCommandSpec();
    String name = spec.qualifiedName(" ");
    check(name, spec.usageMessage().description(), broken);
    for (ArgSpec arg : spec.args()) {
      check(name + " " + arg.paramLabel(), arg.description(), broken);
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, broken));
  }

  /** A single line is one paragraph; of several, each must end one ({@code %n} ends a line). */
  private static void check(String where, String[] lines, List<String> broken) {
    if (lines.length < 2) {
      return;
    }
    for (String line : String.join("%n", lines).split("%n")) {
      boolean sample = line.startsWith(" ");
      if (!line.isBlank() && !sample && !line.strip().matches(".*[.:?!)]$")) {
        broken.add(where + ": " + line);
      }
    }
  }
}
