package dev.pwk.cli;

import dev.pwk.validator.JobTemplateValidator;
import dev.pwk.validator.LintTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pwk lint-job-template}: checks Prefect base job template JSON files and reports every
 * problem at its line, with the output formats and exit codes of {@code pwk lint}.
 */
@Command(
    addMethodSubcommands = false,
    name = "lint-job-template",
    mixinStandardHelpOptions = true,
    description = {
      "Lint Prefect base job template JSON files before they reach a work pool.",
      "A base job template is what a work pool gives its flow runs; teams keep it in git and pass"
          + " it with --set-file worker.config.baseJobTemplate.configuration=FILE. Checked as"
          + " Prefect's API and its Kubernetes worker would: valid JSON; 'variables' a valid JSON"
          + " schema whose defaults match it; every {{ placeholder }} in 'job_configuration' a"
          + " declared variable, and every variable used; and a 'job_manifest' that, filled in, is"
          + " a batch/v1 Job Prefect's worker accepts. Every finding points at its"
          + " file:line:column."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors (warnings allowed)",
      "1:errors found, or warnings with --strict",
      "2:usage error or unreadable input"
    })
final class LintJobTemplateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ReportOptions report;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Base job template JSON files, linted one by one.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    JobTemplateValidator validator = JobTemplateValidator.create();
    List<LintTarget> targets = new ArrayList<>();
    for (Path file : files) {
      targets.add(validator.lint(file));
    }
    return report.print(spec, targets);
  }
}
