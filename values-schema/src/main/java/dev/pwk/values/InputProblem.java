package dev.pwk.values;

import java.util.Objects;

/**
 * A problem with the user's input that stops values from loading: unreadable or malformed
 * files and malformed flags.
 *
 * @param code a stable identifier such as {@code yaml.syntax} or {@code set.syntax}
 * @param source the file name as given, or the flag name
 * @param line 1-based line, or -1 when unknown
 * @param column 1-based column, or -1 when unknown
 * @param message what is wrong, in one sentence, never containing secret values
 */
public record InputProblem(String code, String source, int line, int column, String message) {

  public InputProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
    if (line < -1 || line == 0 || column < -1 || column == 0) {
      throw new IllegalArgumentException("line and column are 1-based or -1: " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    String where = line > 0 ? source + ":" + line + ":" + column : source;
    return where + ": " + message + " [" + code + "]";
  }
}
