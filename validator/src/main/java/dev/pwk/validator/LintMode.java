package dev.pwk.validator;

/** What a lint run checks. */
public enum LintMode {
  /**
   * The merged values of a complete install: the schema, the chart's {@code required} values and
   * every extra rule.
   */
  FULL,
  /**
   * One overlay file on its own (loaded without the chart defaults): types and unknown keys only,
   * since required values and cross-field rules may be satisfied by other files.
   */
  PARTIAL
}
