package dev.pwk.cli;

import dev.pwk.validator.LintTarget;
import dev.pwk.validator.ReportFormat;
import dev.pwk.validator.ReportWriter;
import dev.pwk.validator.ValuesValidator;
import dev.pwk.values.Finding;
import dev.pwk.values.SourceText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

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
   * Prints the findings (if any) and returns true when one of them stops rendering (see {@link
   * ValuesValidator#stopsRendering}).
   */
  static boolean print(
      PrintWriter err, String name, List<Finding> findings, List<SourceText> sources, boolean noColor) {
    if (findings.isEmpty()) {
      return false;
    }
    String report =
        ReportWriter.of(ReportFormat.TEXT, Terminal.colour(noColor), VersionProvider.toolVersion())
            .write(List.of(new LintTarget(name, findings, sources)));
    err.print(report);
    err.flush();
    return findings.stream().anyMatch(ValuesValidator::stopsRendering);
  }

  /**
   * The exit code for failed input: 2 when a file could not be read at all or a {@code --set}
   * flag is malformed, else 1.
   */
  static int exitCodeFor(List<Finding> findings) {
    return findings.stream().anyMatch(f -> USAGE_RULES.contains(f.ruleId()))
        ? ExitCodes.USAGE
        : ExitCodes.FINDINGS;
  }
}
