package dev.pwk.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value paths and enum values that past chart releases renamed, moved or removed, as lint
 * looks them up: the rename, value, wrap and remove rules of the chart history's one rule table
 * ({@link ChartHistory#rules()}), with dotted paths as JSON pointers. Lint turns them into
 * migration hints; an old path or value is followed through every later rename to the name the
 * bundled chart uses.
 */
public final class ValueRenames {
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

  /** The table of the bundled chart history, built once. */
  public static ValueRenames bundled() {
    ValueRenames r = bundled;
    if (r == null) {
      r = of(ChartHistory.load().rules());
      bundled = r;
    }
    return r;
  }

  /** The table of a list of rules, in their order. */
  static ValueRenames of(List<MigrationRule> rules) {
    return new ValueRenames(rules.stream().map(ValueRenames::row).toList());
  }

  private static Rename row(MigrationRule rule) {
    String path = pointer(rule.keyPath());
    return switch (rule.change()) {
      case RENAME ->
          new Rename(
              Kind.KEY,
              path,
              "",
              pointer(rule.argument()),
              rule.release(),
              rule.pr(),
              rule.note());
      case VALUE ->
          new Rename(
              Kind.VALUE,
              path,
              rule.oldValue(),
              rule.argument(),
              rule.release(),
              rule.pr(),
              rule.note());
      case WRAP ->
          new Rename(
              Kind.TEXT,
              path,
              "",
              path + "/" + rule.argument(),
              rule.release(),
              rule.pr(),
              rule.note());
      case REMOVE ->
          new Rename(Kind.REMOVED, path, "", "", rule.release(), rule.pr(), rule.note());
    };
  }

  private static String pointer(String dotted) {
    return "/" + dotted.replace('.', '/');
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
