package dev.pwk.values;

/**
 * The findings of loading: problems that stop values from loading (errors) and merges Helm only
 * warns about (warnings). Their rule ids are in the {@code input.} family, and they point at a
 * file, at a flag (named by its description, such as {@code --set}, without a line) or nowhere.
 */
final class InputFindings {
  /** Rule-id prefix of every loading finding. */
  static final String RULE_PREFIX = "input.";

  private InputFindings() {}

  /** A problem that stops values from loading. */
  static Finding error(String ruleId, String source, int line, int column, String message) {
    return of(ruleId, Severity.ERROR, source, line, column, message);
  }

  /** A problem Helm only warns about; the values still load. */
  static Finding warning(String ruleId, String source, int line, int column, String message) {
    return of(ruleId, Severity.WARNING, source, line, column, message);
  }

  private static Finding of(
      String ruleId, Severity severity, String source, int line, int column, String message) {
    if (!ruleId.startsWith(RULE_PREFIX)) {
      throw new IllegalArgumentException("not an input rule: " + ruleId);
    }
    if (source.isEmpty()) {
      return new Finding("", -1, -1, "", ruleId, severity, message, Finding.Kind.NONE);
    }
    if (source.startsWith("--")) {
      return new Finding(source, -1, column, "", ruleId, severity, message, Finding.Kind.FLAG);
    }
    return new Finding(source, line, column, "", ruleId, severity, message, Finding.Kind.FILE);
  }
}
