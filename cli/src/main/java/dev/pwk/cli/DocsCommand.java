package dev.pwk.cli;

import dev.pwk.docs.DocsCheck;
import dev.pwk.docs.DocsException;
import dev.pwk.docs.DocsGenerator;
import dev.pwk.values.ValuesContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pwk docs}: renders a helm-docs style README template against the values contract. */
@Command(
    addMethodSubcommands = false,
    name = "docs",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a README from a helm-docs template and the chart's values.",
      "Templates call helm-docs templates such as {{ template \"chart.valuesSection\" . }}."
          + " Without --template, renders pwk's own chart README. With --check, writes nothing"
          + " and fails with a unified diff when --output is stale."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rendered, or up to date with --check",
      "1:stale with --check, or the template or values are invalid",
      "2:usage error or unreadable file"
    })
final class DocsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--template", paramLabel = "FILE", description = "README template (.gotmpl).")
  Path template;

  @Option(
      names = "--values",
      paramLabel = "FILE",
      description = "values.yaml with '# --' comments (default: the chart's own).")
  Path values;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write here (atomically) instead of standard output.")
  Path output;

  @Option(names = "--check", description = "Compare with --output instead of writing it.")
  boolean check;

  @Override
  public Integer call() {
    if (check && output == null) {
      throw new ParameterException(spec.commandLine(), "--check needs --output FILE to compare");
    }
    String templateText =
        template == null ? DocsGenerator.chartReadmeTemplate() : read(template, "template");
    String valuesText =
        values == null ? ValuesContract.defaultValuesYaml() : read(values, "values");
    String fresh;
    try {
      fresh = DocsGenerator.create().render(templateText, valuesText, ValuesContract.chart());
    } catch (DocsException e) {
      Path file = e.input() == DocsException.Input.TEMPLATE ? template : values;
      String name = file == null ? "bundled " + e.input().name().toLowerCase() : file.toString();
      spec.commandLine().getErr().println("pwk docs: " + name + ": " + e.getMessage());
      return ExitCodes.FINDINGS;
    }
    if (check) {
      String onDisk = Files.exists(output) ? read(output, "output") : "";
      DocsCheck result = DocsCheck.compare(output.toString(), onDisk, fresh);
      if (!result.stale()) {
        spec.commandLine().getErr().println(output + " is up to date");
        return ExitCodes.OK;
      }
      spec.commandLine().getOut().print(result.diff());
      spec.commandLine().getOut().flush();
      spec.commandLine()
          .getErr()
          .println(
              output
                  + " is stale; regenerate it with: pwk docs"
                  + (template == null ? "" : " --template " + template)
                  + (values == null ? "" : " --values " + values)
                  + " --output "
                  + output);
      return ExitCodes.FINDINGS;
    }
    if (output == null) {
      spec.commandLine().getOut().print(fresh);
      spec.commandLine().getOut().flush();
    } else {
      AtomicFiles.write(output, fresh);
    }
    return ExitCodes.OK;
  }

  private String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserException(what + " file not found: " + file, ExitCodes.USAGE);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UserException(
          "cannot read " + what + " file " + file + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }
}
