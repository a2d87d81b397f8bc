package dev.pwk.validator;

import java.util.Objects;

/**
 * One problem found in a user's values (or in what they render to), pointing at the place that
 * caused it.
 *
 * @param file the values file as the user named it, or a flag description such as {@code --set
 *     #1 (a=b)}, or the chart-defaults name when no user source applies
 * @param line 1-based line, or -1 when unknown (always -1 for flags)
 * @param column 1-based column, or -1 when unknown
 * @param path JSON pointer of the value in the values tree, e.g. {@code /worker/replicaCount};
 *     empty for the root. Inside a base job template given as JSON text the pointer goes on into
 *     the parsed template; for a standalone template it starts at the template's root
 * @param ruleId stable rule identifier, e.g. {@code schema.type} or {@code chart.required}
 * @param severity how serious it is
 * @param message one sentence; never contains a secret value
 */
public record Finding(
    String file, int line, int column, String path, String ruleId, Severity severity, String message) {

  public Finding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < -1 || line == 0 || column < -1 || column == 0) {
      throw new IllegalArgumentException("line and column are 1-based or -1: " + line + ":" + column);
    }
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw new IllegalArgumentException("path must be a JSON pointer: " + path);
    }
    if (ruleId.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("ruleId and message must not be blank");
    }
  }

  /** {@code file:line:col: severity: message [rule]}, the text-format headline. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ")
        .append(severity.word())
        .append(": ")
        .append(message)
        .append(" [")
        .append(ruleId)
        .append(']')
        .toString();
  }
}
