package dev.pwk.values;

/**
 * Where a finding points, with a rank that orders sources as the user gave them: files in {@code
 * -f} order, then flags in Helm's order, then the chart defaults.
 *
 * @param file the file name, or a flag's description; empty for {@link Finding.Kind#NONE}
 * @param line 1-based line, or -1 when unknown
 * @param column 1-based column, or -1 when unknown
 * @param rank the position of the source in the user's order; lower sorts first
 * @param kind what {@code file} names
 */
public record Location(String file, int line, int column, long rank, Finding.Kind kind) {
  /** No place the user wrote: sorted last, printed without a file. */
  public static final Location NONE = new Location("", -1, -1, Long.MAX_VALUE, Finding.Kind.NONE);

  /** A place in a file. */
  public Location(String file, int line, int column, long rank) {
    this(file, line, column, rank, Finding.Kind.FILE);
  }

  /** A flag, described as {@code --set #1 (a=b)}. */
  public static Location flag(String description, int column, long rank) {
    return new Location(description, -1, column, rank, Finding.Kind.FLAG);
  }
}
