package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

@DisplayName("CommandModels builds the models picocli reads from the annotations")
class CommandModelsTest {

  @Test
  @DisplayName("the build compiled the generated models into the cli, and pwk uses them")
  void generatedModelsAreUsed() {
    assertTrue(
        Pwk.usesGeneratedModels(),
        "no dev.pwk.cli.CommandModels: the build runs CommandModelsSource after test-compile");
  }

  @Test
  @DisplayName("every command's model equals the one picocli reads from its annotations")
  void modelsMatchTheAnnotations() {
    assertTrue(Pwk.usesGeneratedModels());
    List<Object> commands = new ArrayList<>();
    commands.add(new Pwk());
    Pwk.commandNames().forEach(name -> commands.add(Pwk.command(name)));
    for (Object command : commands) {
      Object twin = newInstance(command.getClass());
      String fromAnnotations = describe(CommandSpec.forAnnotatedObject(command));
      String generated = describe(Pwk.model(twin));
      assertEquals(fromAnnotations, generated, command.getClass().getSimpleName());
    }
  }

  @Test
  @DisplayName("the description covers what the commands declare, so the comparison can fail")
  void descriptionIsDetailed() {
    String lint = describe(Pwk.model(new LintCommand()));
    assertTrue(lint.contains("--release label=NAME arity=1 type=java.lang.String"), lint);
    assertTrue(lint.contains("default=release-name"), lint);
    assertTrue(lint.contains("(default: release-name)"), lint);
    assertTrue(lint.contains("mixins=[report, values, mixinStandardHelpOptions]"), lint);
    String show = describe(Pwk.model(new ShowCommand()));
    assertTrue(show.contains("subcommand chart"), show);
  }

  @Test
  @DisplayName("options write the command's fields, as with the annotations")
  void bindsFields() {
    LintCommand lint = new LintCommand();
    new CommandLine(Pwk.model(lint))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs("--release", "r1", "-f", "a.yaml,b.yaml", "--format", "json", "x.yaml");
    assertEquals("r1", lint.release);
    assertEquals(2, lint.values.files.size());
    assertEquals(dev.pwk.validator.ReportFormat.JSON, lint.report.format);
    assertEquals(List.of(java.nio.file.Path.of("x.yaml")), lint.files);
    assertEquals("default", lint.namespace);
  }

  private static Object newInstance(Class<?> type) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Everything of a model that shapes parsing and help, as text. */
  private static String describe(CommandSpec spec) {
    StringBuilder out = new StringBuilder();
    out.append("name=")
        .append(spec.name())
        .append(" aliases=")
        .append(Arrays.toString(spec.aliases()));
    out.append(" version=")
        .append(spec.versionProvider() == null ? "-" : spec.versionProvider().getClass().getName());
    out.append(" mixins=").append(spec.mixins().keySet());
    out.append(" repeatable=").append(spec.subcommandsRepeatable()).append('\n');
    for (ArgSpec arg : spec.args()) {
      out.append(
          arg instanceof OptionSpec o
              ? String.join(",", o.names())
              : "param " + ((PositionalParamSpec) arg).index());
      out.append(" label=").append(arg.paramLabel());
      out.append(" arity=").append(arg.arity());
      out.append(" type=").append(arg.type().getName());
      out.append(" aux=").append(Arrays.toString(arg.auxiliaryTypes()));
      out.append(" description=").append(Arrays.toString(arg.description()));
      // Without a resource bundle a description key is unused; annotations give "", models null.
      out.append(" key=").append(arg.descriptionKey() == null ? "" : arg.descriptionKey());
      out.append(" default=").append(arg.defaultValue());
      out.append(" show=").append(arg.showDefaultValue());
      out.append(" initial=").append(arg.initialValue()).append('/').append(arg.hasInitialValue());
      out.append(" required=").append(arg.required());
      out.append(" hidden=").append(arg.hidden());
      out.append(" split=")
          .append(arg.splitRegex())
          .append('/')
          .append(arg.splitRegexSynopsisLabel());
      out.append(" hideSyntax=").append(arg.hideParamSyntax());
      out.append(" interactive=").append(arg.interactive());
      out.append(" scope=").append(arg.scopeType());
      List<String> candidates = new ArrayList<>();
      if (arg.completionCandidates() != null) {
        arg.completionCandidates().forEach(candidates::add);
      }
      out.append(" candidates=").append(candidates);
      if (arg instanceof OptionSpec o) {
        out.append(" fallback=").append(o.fallbackValue());
        out.append(" order=").append(o.order());
        out.append(" help=").append(o.usageHelp()).append('/').append(o.versionHelp());
        out.append(" negatable=").append(o.negatable());
      }
      out.append('\n');
    }
    out.append(new CommandLine(spec).getUsageMessage(Ansi.OFF));
    spec.subcommands()
        .forEach(
            (name, sub) ->
                out.append("subcommand ")
                    .append(name)
                    .append(": ")
                    .append(describe(sub.getCommandSpec())));
    return out.toString();
  }
}
