package dev.pwk.validator;

import dev.pwk.values.Finding;
import dev.pwk.values.SecretValues;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import java.util.List;
import java.util.Objects;

/**
 * What one lint unit produced: the name it is reported under (a values file, or a description of a
 * merged set of sources), its findings, and the texts of the files they point into.
 *
 * @param name the unit's name, e.g. the file name pre-commit passed
 * @param findings the findings, in report order
 * @param sources texts of the files the findings point into, for code frames
 * @param secrets the secret values of the linted values, masked wherever a report would show them
 */
public record LintTarget(
    String name, List<Finding> findings, List<SourceText> sources, SecretValues secrets) {

  public LintTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(secrets, "secrets");
    findings = List.copyOf(findings);
    sources = List.copyOf(sources);
  }

  /**
   * A target whose secret values are not known (values that did not load); secret-looking {@code
   * key: value} pairs are still masked.
   */
  public LintTarget(String name, List<Finding> findings, List<SourceText> sources) {
    this(name, findings, sources, SecretValues.none());
  }

  /** How many findings have the given severity. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
