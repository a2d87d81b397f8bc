package dev.pwk.validator;

/**
 * Where a finding points, with a rank that orders sources as the user gave them: files in {@code
 * -f} order, then flags in Helm's order, then the chart defaults.
 */
record Location(String file, int line, int column, long rank, Finding.Kind kind) {
  /** No place the user wrote: sorted last, printed without a file. */
  static final Location NONE = new Location("", -1, -1, Long.MAX_VALUE, Finding.Kind.NONE);

  /** A place in a file. */
  Location(String file, int line, int column, long rank) {
    this(file, line, column, rank, Finding.Kind.FILE);
  }

  /** A flag, described as {@code --set #1 (a=b)}. */
  static Location flag(String description, int column, long rank) {
    return new Location(description, -1, column, rank, Finding.Kind.FLAG);
  }
}
