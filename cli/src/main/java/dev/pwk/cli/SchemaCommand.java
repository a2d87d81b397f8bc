package dev.pwk.cli;

import dev.pwk.values.ValuesContract;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pwk schema}: prints the values JSON schema. */
@Command(
    addMethodSubcommands = false,
    name = "schema",
    description = {
      "Print the JSON schema (draft-07) of the chart values.",
      "Save it and point editors at it with a first line such as:",
      "  # yaml-language-server: $schema=./values.schema.json"
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "2:usage error"})
final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String schema = ValuesContract.schemaJson();
    spec.commandLine().getOut().print(schema.endsWith("\n") ? schema : schema + "\n");
    return ExitCodes.OK;
  }
}
