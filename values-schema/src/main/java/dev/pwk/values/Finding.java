package dev.pwk.values;

import java.util.Objects;

/**
 * One problem found in a user's values (or in what they render to), pointing at the place that
 * caused it.
 *
 * @param file the values file as the user named it, or for {@link Kind#FLAG} the flag's description
 *     such as {@code --set #1 (a=b)}; empty for {@link Kind#NONE}
 * @param line 1-based line, or -1 when unknown (always -1 for flags)
 * @param column 1-based column, or -1 when unknown
 * @param path JSON pointer of the value in the values tree, e.g. {@code /worker/replicaCount};
 *     empty for the root. Inside a base job template given as JSON text the pointer goes on into
 *     the parsed template; for a standalone template it starts at the template's root
 * @param ruleId stable rule identifier, e.g. {@code schema.type} or {@code chart.required}
 * @param severity how serious it is
 * @param message one sentence; never contains a secret value
 * @param kind what {@code file} names: a file, a flag, or nothing
 */
public record Finding(
    String file,
    int line,
    int column,
    String path,
    String ruleId,
    Severity severity,
    String message,
    Kind kind) {

  /** What a finding points at. */
  public enum Kind {
    /** A file: a values file, a {@code --set-file} file, or the chart defaults. */
    FILE,
    /** A flag such as {@code --set}; {@code file} describes it, and there is no line. */
    FLAG,
    /** No place the user wrote, such as a required value nobody set; {@code file} is empty. */
    NONE
  }

  public Finding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < -1 || line == 0 || column < -1 || column == 0) {
      throw new IllegalArgumentException(
          "line and column are 1-based or -1: " + line + ":" + column);
    }
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw new IllegalArgumentException("path must be a JSON pointer: " + path);
    }
    if (ruleId.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("ruleId and message must not be blank");
    }
    if (file.isEmpty() != (kind == Kind.NONE)) {
      throw new IllegalArgumentException(
          "the file is empty exactly when the finding points nowhere");
    }
    if (kind != Kind.FILE && line != -1) {
      throw new IllegalArgumentException("only a file has lines: " + kind + " at line " + line);
    }
  }

  /** A finding in a file (or pointing nowhere, when {@code file} is empty). */
  public Finding(
      String file,
      int line,
      int column,
      String path,
      String ruleId,
      Severity severity,
      String message) {
    this(
        file,
        line,
        column,
        path,
        ruleId,
        severity,
        message,
        file.isEmpty() ? Kind.NONE : Kind.FILE);
  }

  /** {@code file:line:col}, the flag's description, or empty when the finding points nowhere. */
  public String where() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.toString();
  }

  /** {@code file:line:col: severity: message [rule]}, the text-format headline. */
  @Override
  public String toString() {
    String where = where();
    StringBuilder sb = new StringBuilder(where);
    if (!where.isEmpty()) {
      sb.append(": ");
    }
    return sb.append(severity.word())
        .append(": ")
        .append(message)
        .append(" [")
        .append(ruleId)
        .append(']')
        .toString();
  }
}
