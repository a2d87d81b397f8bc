package dev.pwk.values;

import java.util.Objects;

/**
 * Where a value came from: a values file with a 1-based line and column, a command-line flag (with
 * the flag's position among flags of its kind and the column of the key inside its argument), or
 * the chart defaults.
 *
 * @param kind what kind of source provided the value
 * @param source the file name as the user gave it, or the flag name such as {@code --set}
 * @param line 1-based line in the file, or -1 for flags
 * @param column 1-based column in the file or in the flag argument, or -1 when unknown
 * @param flagArgument the whole flag argument for flags, otherwise empty
 * @param flagIndex 1-based position of the flag among flags of the same kind, or -1 for files
 */
public record Origin(
    Kind kind, String source, int line, int column, String flagArgument, int flagIndex) {

  /** The kinds of value sources, in the order in which Helm applies them. */
  public enum Kind {
    DEFAULTS,
    FILE,
    SET_JSON,
    SET,
    SET_STRING,
    SET_FILE,
    SET_LITERAL;

    /** The command-line flag for this kind, or an empty string for files and defaults. */
    public String flag() {
      return switch (this) {
        case DEFAULTS, FILE -> "";
        case SET_JSON -> "--set-json";
        case SET -> "--set";
        case SET_STRING -> "--set-string";
        case SET_FILE -> "--set-file";
        case SET_LITERAL -> "--set-literal";
      };
    }
  }

  public Origin {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(flagArgument, "flagArgument");
    if (line < -1 || line == 0 || column < -1 || column == 0) {
      throw new IllegalArgumentException(
          "line and column are 1-based or -1: " + line + ":" + column);
    }
  }

  /** A position in a file (or in the chart defaults when {@code kind} is DEFAULTS). */
  public static Origin inFile(Kind kind, String source, int line, int column) {
    return new Origin(kind, source, line, column, "", -1);
  }

  /** A value given by the {@code index}-th flag of {@code kind}, at {@code column} of its text. */
  public static Origin ofFlag(Kind kind, String argument, int index, int column) {
    return new Origin(kind, kind.flag(), -1, column, argument, index);
  }

  /** True when the value came from a command-line flag rather than a file. */
  public boolean isFlag() {
    return kind != Kind.FILE && kind != Kind.DEFAULTS;
  }

  /** A short human description, e.g. {@code values.yaml:12:5} or {@code --set #2 (a.b=1)}. */
  public String describe() {
    if (isFlag()) {
      return source + " #" + flagIndex + " (" + flagArgument + ")";
    }
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}
