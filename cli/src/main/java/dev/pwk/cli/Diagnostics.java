package dev.pwk.cli;

import dev.pwk.pipeline.Pipeline;
import dev.pwk.pipeline.PipelineResult;
import dev.pwk.validator.LintTarget;
import dev.pwk.validator.ReportFormat;
import dev.pwk.validator.ReportWriter;
import dev.pwk.values.Finding;
import dev.pwk.values.SourceText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints findings on standard error in the lint text format, for commands whose standard output
 * carries something else (manifests, release status).
 */
final class Diagnostics {
  /** Findings that mean the input could not be used at all: exit 2, a usage error. */
  private static final Set<String> USAGE_RULES =
      Set.of("input.not-found", "input.unreadable", "input.set-syntax", "input.set-json-syntax");

  private Diagnostics() {}

  /**
   * Prints a pipeline's findings: those about the values, then (after {@code --validate}) those
   * about the rendered manifests, each as a report of its own.
   */
  static void print(PrintWriter err, PipelineResult result, boolean noColor) {
    print(err, result.findings(), result, noColor);
  }

  /** Prints {@code findings}, some of {@code result}'s, in the same way. */
  static void print(
      PrintWriter err, List<Finding> findings, PipelineResult result, boolean noColor) {
    Map<Boolean, List<Finding>> manifest =
        findings.stream()
            .collect(Collectors.partitioningBy(f -> f.file().equals(Pipeline.RENDERED_MANIFESTS)));
    // Without loaded values there is no code frame: the finding says what could not be read.
    List<SourceText> sources = result.values().isPresent() ? result.sources() : List.of();
    print(err, "values", manifest.get(false), sources, noColor);
    print(err, Pipeline.RENDERED_MANIFESTS, manifest.get(true), sources, noColor);
  }

  private static void print(
      PrintWriter err,
      String name,
      List<Finding> findings,
      List<SourceText> sources,
      boolean noColor) {
    if (findings.isEmpty()) {
      return;
    }
    String report =
        ReportWriter.of(ReportFormat.TEXT, Terminal.colour(noColor), VersionProvider.toolVersion())
            .write(List.of(new LintTarget(name, findings, sources)));
    err.print(report);
    err.flush();
  }

  /**
   * The exit code for failed input: 2 when a file could not be read at all or a {@code --set} flag
   * is malformed, else 1.
   */
  static int exitCodeFor(List<Finding> findings) {
    return findings.stream().anyMatch(f -> USAGE_RULES.contains(f.ruleId()))
        ? ExitCodes.USAGE
        : ExitCodes.FINDINGS;
  }
}
