package dev.pwk.validator;

import dev.pwk.values.SourceText;
import java.util.List;
import java.util.Objects;

/**
 * What one lint unit produced: the name it is reported under (a values file, or a description
 * of a merged set of sources), its findings, and the texts of the files they point into.
 *
 * @param name the unit's name, e.g. the file name pre-commit passed
 * @param findings the findings, in report order
 * @param sources texts of the files the findings point into, for code frames
 */
public record LintTarget(String name, List<Finding> findings, List<SourceText> sources) {

  public LintTarget {
    Objects.requireNonNull(name, "name");
    findings = List.copyOf(findings);
    sources = List.copyOf(sources);
  }

  /** How many findings have the given severity. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }
}
