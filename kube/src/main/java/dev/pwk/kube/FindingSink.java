package dev.pwk.kube;

import dev.pwk.values.Severity;

/**
 * Where {@link FieldChecks} and {@link PodRules} report, one object at a time. A sink decides what
 * a finding becomes: it places the field (the pointer of {@code at} starts with the prefix the
 * caller gave the checked {@link Value}), may file the rule under its own family, and may lower a
 * severity that its context does not treat as an error.
 */
@FunctionalInterface
public interface FindingSink {
  /**
   * Reports one problem.
   *
   * @param at the offending field, absent ({@link Value#isNull()}) for a missing one
   * @param ruleId the rule, in the {@value FieldChecks#FAMILY} family
   * @param severity the severity the API server's rule has
   * @param message the text, naming the field by {@link Value#dotted()}
   */
  void add(Value at, String ruleId, Severity severity, String message);
}
