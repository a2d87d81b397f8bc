package dev.pwk.cli;

import dev.pwk.validator.LintTarget;
import dev.pwk.validator.ReportFormat;
import dev.pwk.validator.ReportWriter;
import dev.pwk.values.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How the lint commands report: format, strictness, colour and destination. */
@Command(addMethodSubcommands = false)
final class ReportOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = FormatNames.class,
      description = "text, json, junit, sarif or github (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
  boolean strict;

  @Option(names = "--no-color", description = "No colour, even on a terminal (also: NO_COLOR).")
  boolean noColor;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE (replaced atomically) instead of standard output.")
  Path output;

  /**
   * Writes the report and returns the exit code: 2 when a file could not be read, 1 for errors (or
   * warnings with {@code --strict}), else 0.
   */
  int print(CommandSpec spec, List<LintTarget> targets) throws IOException {
    String report =
        ReportWriter.of(
                format, output == null && Terminal.colour(noColor), VersionProvider.toolVersion())
            .strict(strict)
            .informationUri(VersionProvider.projectUrl())
            .write(targets);
    if (output != null) {
      AtomicFiles.write(output, report);
    } else {
      spec.commandLine().getOut().print(report);
      spec.commandLine().getOut().flush();
    }
    if (targets.stream().anyMatch(t -> Diagnostics.exitCodeFor(t.findings()) == ExitCodes.USAGE)) {
      return ExitCodes.USAGE;
    }
    long errors = targets.stream().mapToLong(t -> t.count(Severity.ERROR)).sum();
    long warnings = targets.stream().mapToLong(t -> t.count(Severity.WARNING)).sum();
    return errors > 0 || (strict && warnings > 0) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
