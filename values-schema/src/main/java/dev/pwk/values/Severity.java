package dev.pwk.values;

/** How serious a finding is. Only errors fail a lint run, unless warnings are made strict. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case word used in text output, e.g. {@code error}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
