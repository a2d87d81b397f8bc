package dev.pwk.cli;

import dev.pwk.values.ValuesContract;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pwk show values|chart}: prints the bundled chart defaults or metadata. */
@Command(
    addMethodSubcommands = false,
    name = "show",
    description = "Show the chart's default values or metadata.",
    mixinStandardHelpOptions = true,
    subcommandsRepeatable = false,
    subcommands = {ShowCommand.Chart.class, ShowCommand.Values.class})
final class ShowCommand {

  /** {@code pwk show values}. */
  @Command(
      addMethodSubcommands = false,
      name = "values",
      description = "Print the default values.yaml, with its helm-docs comments.",
      mixinStandardHelpOptions = true)
  static final class Values implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(ValuesContract.defaultValuesYaml());
      return ExitCodes.OK;
    }
  }

  /** {@code pwk show chart}. */
  @Command(
      addMethodSubcommands = false,
      name = "chart",
      description = "Print the chart metadata (Chart.yaml).",
      mixinStandardHelpOptions = true)
  static final class Chart implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(ValuesContract.chartYaml());
      return ExitCodes.OK;
    }
  }
}
