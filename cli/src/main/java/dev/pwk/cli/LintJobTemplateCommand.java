package dev.pwk.cli;

import dev.pwk.validator.JobTemplateValidator;
import dev.pwk.validator.LintTarget;
import dev.pwk.validator.ReportFormat;
import dev.pwk.validator.ReportWriter;
import dev.pwk.validator.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pwk lint-job-template}: checks Prefect base job template JSON files and reports every
 * problem at its line, with the output formats and exit codes of {@code pwk lint}.
 */
@Command(
    name = "lint-job-template",
    mixinStandardHelpOptions = true,
    description = {
      "Lint Prefect base job template JSON files before they reach a work pool.",
      "These are the templates a work pool gives its flow runs, as kept in git and passed to the chart with --set-file",
      "worker.config.baseJobTemplate.configuration=FILE) the way Prefect's API and its",
      "Kubernetes worker would: valid JSON; 'variables' a valid JSON schema whose defaults",
      "match it; every {{ placeholder }} in 'job_configuration' a declared variable, and every",
      "variable used; and a 'job_manifest' that, filled in, is a batch/v1 Job Prefect's worker",
      "accepts. Every finding points at its file:line:column."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors (warnings allowed)",
      "1:errors found, or warnings with --strict",
      "2:usage error or unreadable input"
    })
final class LintJobTemplateCommand implements Callable<Integer> {
  private static final Set<String> IO_RULES = Set.of("input.not-found", "input.unreadable");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Base job template JSON files, linted one by one.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
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

  @Override
  public Integer call() throws IOException {
    JobTemplateValidator validator = JobTemplateValidator.create();
    List<LintTarget> targets = new ArrayList<>();
    for (Path file : files) {
      targets.add(validator.lint(file));
    }
    String report =
        ReportWriter.of(
                format, output == null && Terminal.colour(noColor), VersionProvider.toolVersion())
            .write(targets);
    if (output != null) {
      AtomicFiles.write(output, report);
    } else {
      spec.commandLine().getOut().print(report);
      spec.commandLine().getOut().flush();
    }
    boolean unreadable =
        targets.stream()
            .flatMap(t -> t.findings().stream())
            .anyMatch(f -> IO_RULES.contains(f.ruleId()));
    if (unreadable) {
      return ExitCodes.USAGE;
    }
    long errors = targets.stream().mapToLong(t -> t.count(Severity.ERROR)).sum();
    long warnings = targets.stream().mapToLong(t -> t.count(Severity.WARNING)).sum();
    return errors > 0 || (strict && warnings > 0) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
