package dev.pwk.validator;

/** The output formats of a lint report. */
public enum ReportFormat {
  /** {@code file:line:col: severity: message [rule]} with the offending line and a caret. */
  TEXT,
  /** One JSON document with every finding and a summary. */
  JSON,
  /** JUnit XML: one test case per linted file, failed when it has errors. */
  JUNIT,
  /** SARIF 2.1.0, for code scanning. */
  SARIF,
  /** GitHub Actions workflow commands ({@code ::error file=...::message}). */
  GITHUB
}
