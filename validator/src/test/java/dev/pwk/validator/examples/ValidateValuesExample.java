package dev.pwk.validator.examples;

import dev.pwk.kube.Release;
import dev.pwk.validator.LintMode;
import dev.pwk.validator.LintTarget;
import dev.pwk.validator.ReportFormat;
import dev.pwk.validator.ReportWriter;
import dev.pwk.validator.ValuesValidator;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.SecretValues;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Lints a values file as {@code pwk lint} does and prints the report in the text format. */
public final class ValidateValuesExample {
  private ValidateValuesExample() {}

  public static void main(String[] args) {
    boolean clean = lint(Path.of(args[0]), System.out);
    System.exit(clean ? 0 : 1);
  }

  /** Prints the report and returns true when there is no error. */
  static boolean lint(Path valuesFile, PrintStream out) {
    List<Finding> findings;
    List<SourceText> sources;
    SecretValues secrets = SecretValues.none();
    try {
      LoadedValues values = ValuesLoader.create().load(ValueInputs.ofFiles(valuesFile));
      findings =
          ValuesValidator.create()
              .validate(values, LintMode.FULL, new Release("worker", "prefect"));
      sources = values.sources(); // the file texts, for the code frame under each finding
      secrets = SecretValues.of(values.tree()); // masked wherever the report would show them
    } catch (ValuesException e) {
      // Unreadable file or broken YAML: reported as input.* findings, like any other.
      findings = ValuesValidator.inputFindings(e);
      sources = List.of();
    }
    for (Finding f : findings) {
      // Each finding is data: file, line, column, JSON pointer, rule id, severity, message.
      if (f.ruleId().equals("chart.required")) {
        out.println("missing value at " + f.path());
      }
    }
    LintTarget target = new LintTarget(valuesFile.toString(), findings, sources, secrets);
    out.print(ReportWriter.of(ReportFormat.TEXT, false, "example").write(List.of(target)));
    return target.count(Severity.ERROR) == 0;
  }
}
