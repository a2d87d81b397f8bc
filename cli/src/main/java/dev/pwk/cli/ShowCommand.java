package dev.pwk.cli;

import dev.pwk.values.ValuesContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pwk show values|chart}: prints the bundled chart defaults or metadata. */
@Command(
    name = "show",
    description = "Show the chart's default values or metadata.",
    mixinStandardHelpOptions = true,
    subcommandsRepeatable = false)
final class ShowCommand {
  @Spec CommandSpec spec;

  @Command(
      name = "values",
      description = "Print the default values.yaml, with its helm-docs comments.",
      mixinStandardHelpOptions = true)
  int values() {
    spec.commandLine().getOut().print(ValuesContract.defaultValuesYaml());
    return ExitCodes.OK;
  }

  @Command(
      name = "chart",
      description = "Print the chart metadata (Chart.yaml).",
      mixinStandardHelpOptions = true)
  int chart() {
    spec.commandLine().getOut().print(ValuesContract.chartYaml());
    return ExitCodes.OK;
  }
}
