package dev.pwk.values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The value paths and enum values that past chart releases renamed, moved or removed, from the
 * bundled table {@code renames.tsv} (derived from the chart's released archives; see the table's
 * header). Lint turns them into migration hints; an old path or value is followed through every
 * later rename to the name the bundled chart uses.
 */
public final class ValueRenames {
  private static final String RESOURCE = "renames.tsv";
  private static final String HEADER = "kind\told\tnew\trelease\tpr\tnote";

  private static volatile ValueRenames bundled;

  /** What changed in one row of the table. */
  public enum Kind {
    /** A value path renamed or moved; the keys below it move with it. */
    KEY,
    /** An enum value renamed. */
    VALUE,
    /** A string at the old path now belongs at the new path: the old key became a map. */
    TEXT,
    /** A value path removed without a replacement. */
    REMOVED
  }

  /**
   * One row of the table.
   *
   * @param kind what changed
   * @param path the old value path (JSON pointer)
   * @param oldValue the old enum value for {@link Kind#VALUE}, else empty
   * @param replacement the new path, or the new enum value for {@link Kind#VALUE}; empty when
   *     removed
   * @param release the first chart release with the new form
   * @param pr the prefect-helm pull request, or empty when not known
   * @param note what else to tell a user with the old form, or empty
   */
  public record Rename(
      Kind kind,
      String path,
      String oldValue,
      String replacement,
      String release,
      String pr,
      String note) {
    public Rename {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(oldValue, "oldValue");
      Objects.requireNonNull(replacement, "replacement");
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(pr, "pr");
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * Where an old path or value stands now.
   *
   * @param current the path or value the bundled chart uses, or empty when it was removed
   * @param since the release of the first change the old form went through
   * @param steps the rows it went through, oldest first
   */
  public record Migration(String current, String since, List<Rename> steps) {
    public Migration {
      steps = List.copyOf(steps);
    }

    /** True when the old form has no replacement. */
    public boolean removed() {
      return current.isEmpty();
    }

    /** The note of the last step that has one, or empty. */
    public String note() {
      for (int i = steps.size() - 1; i >= 0; i--) {
        if (!steps.get(i).note().isEmpty()) {
          return steps.get(i).note();
        }
      }
      return "";
    }
  }

  private final List<Rename> rows;

  private ValueRenames(List<Rename> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The table bundled with pwk, read once. */
  public static ValueRenames bundled() {
    ValueRenames r = bundled;
    if (r == null) {
      try (InputStream in = ValueRenames.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing " + RESOURCE);
        }
        r = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(RESOURCE + " is unreadable", e);
      }
      bundled = r;
    }
    return r;
  }

  /**
   * Parses a table in the format of {@code renames.tsv}: {@code #} comment lines, a header line,
   * then one tab-separated row per change, oldest first.
   *
   * @throws IllegalArgumentException for a malformed table
   */
  static ValueRenames parse(String text) {
    List<Rename> rows = new ArrayList<>();
    boolean header = false;
    int number = 0;
    try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!header) {
          if (!line.equals(HEADER)) {
            throw new IllegalArgumentException("line " + number + ": expected the header " + HEADER);
          }
          header = true;
          continue;
        }
        rows.add(row(line, number));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ValueRenames(rows);
  }

  private static Rename row(String line, int number) {
    String[] f = line.split("\t", -1);
    if (f.length != 6) {
      throw new IllegalArgumentException("line " + number + ": expected 6 columns, got " + f.length);
    }
    Kind kind;
    try {
      kind = Kind.valueOf(f[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + number + ": unknown kind " + f[0], e);
    }
    String path = f[1];
    String oldValue = "";
    if (kind == Kind.VALUE) {
      int eq = path.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("line " + number + ": a value row's old is path=value");
      }
      oldValue = path.substring(eq + 1);
      path = path.substring(0, eq);
    }
    if (!path.startsWith("/") || f[3].isEmpty() || (kind == Kind.REMOVED) != f[2].isEmpty()) {
      throw new IllegalArgumentException(
          "line " + number + ": needs a pointer, a release, and a replacement unless removed");
    }
    return new Rename(kind, path, oldValue, f[2], f[3], f[4], f[5]);
  }

  /** Every row, oldest first. */
  public List<Rename> all() {
    return rows;
  }

  /**
   * Where a value path that the bundled chart does not know went: followed through every later
   * rename of it or of a map above it, until it is current or removed. Empty when the table has
   * no rename for it.
   */
  public Optional<Migration> forKey(String pointer) {
    String path = pointer;
    List<Rename> steps = new ArrayList<>();
    for (Rename r : rows) {
      boolean applies = path.equals(r.path()) || path.startsWith(r.path() + "/");
      if (!applies || r.kind() == Kind.VALUE || r.kind() == Kind.TEXT) {
        continue;
      }
      steps.add(r);
      if (r.kind() == Kind.REMOVED) {
        return Optional.of(new Migration("", steps.get(0).release(), steps));
      }
      path = r.replacement() + path.substring(r.path().length());
    }
    return steps.isEmpty()
        ? Optional.empty()
        : Optional.of(new Migration(path, steps.get(0).release(), steps));
  }

  /** Where an old enum value at a path went, followed through every later rename of it. */
  public Optional<Migration> forValue(String pointer, String value) {
    String current = value;
    List<Rename> steps = new ArrayList<>();
    for (Rename r : rows) {
      if (r.kind() == Kind.VALUE && r.path().equals(pointer) && r.oldValue().equals(current)) {
        steps.add(r);
        current = r.replacement();
      }
    }
    return steps.isEmpty()
        ? Optional.empty()
        : Optional.of(new Migration(current, steps.get(0).release(), steps));
  }

  /** Where a string at a path went that the bundled chart now takes as a map. */
  public Optional<Migration> forText(String pointer) {
    for (Rename r : rows) {
      if (r.kind() == Kind.TEXT && r.path().equals(pointer)) {
        return Optional.of(new Migration(r.replacement(), r.release(), List.of(r)));
      }
    }
    return Optional.empty();
  }
}
