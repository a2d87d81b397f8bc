package dev.pwk.values;

import dev.pwk.values.MigrationRule.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value paths and enum values that past chart releases renamed, moved or removed, as lint looks
 * them up by JSON pointer in the chart history's one rule table ({@link ChartHistory#rules()}).
 * Lint turns them into migration hints; an old path or value is followed through every later rename
 * to the name the bundled chart uses.
 */
public final class ValueRenames {
  private static volatile ValueRenames bundled;

  /**
   * Where an old path or value stands now.
   *
   * @param current the path or value the bundled chart uses, or empty when it was removed
   * @param since the release of the first change the old form went through
   * @param steps the rules it went through, oldest first
   */
  public record Migration(String current, String since, List<MigrationRule> steps) {
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

  private final List<MigrationRule> rules;

  private ValueRenames(List<MigrationRule> rules) {
    this.rules = List.copyOf(rules);
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
    return new ValueRenames(rules);
  }

  /** Every rule, oldest first. */
  public List<MigrationRule> all() {
    return rules;
  }

  /**
   * Where a value path that the bundled chart does not know went: followed through every later
   * rename of it or of a map above it, until it is current or removed. Empty when the table has no
   * rename for it.
   */
  public Optional<Migration> forKey(String pointer) {
    String path = pointer;
    List<MigrationRule> steps = new ArrayList<>();
    for (MigrationRule r : rules) {
      String from = r.pointer();
      boolean applies = path.equals(from) || path.startsWith(from + "/");
      if (!applies || r.change() == Change.VALUE || r.change() == Change.WRAP) {
        continue;
      }
      steps.add(r);
      if (r.change() == Change.REMOVE) {
        return Optional.of(new Migration("", steps.get(0).release(), steps));
      }
      path = "/" + r.argument().replace('.', '/') + path.substring(from.length());
    }
    return steps.isEmpty()
        ? Optional.empty()
        : Optional.of(new Migration(path, steps.get(0).release(), steps));
  }

  /** Where an old enum value at a path went, followed through every later rename of it. */
  public Optional<Migration> forValue(String pointer, String value) {
    String current = value;
    List<MigrationRule> steps = new ArrayList<>();
    for (MigrationRule r : rules) {
      if (r.change() == Change.VALUE
          && r.pointer().equals(pointer)
          && r.oldValue().equals(current)) {
        steps.add(r);
        current = r.argument();
      }
    }
    return steps.isEmpty()
        ? Optional.empty()
        : Optional.of(new Migration(current, steps.get(0).release(), steps));
  }

  /**
   * Where a string at a path went that the bundled chart now takes as a map: to the child key the
   * map holds it under.
   */
  public Optional<Migration> forText(String pointer) {
    for (MigrationRule r : rules) {
      if (r.change() == Change.WRAP && r.pointer().equals(pointer)) {
        return Optional.of(new Migration(pointer + "/" + r.argument(), r.release(), List.of(r)));
      }
    }
    return Optional.empty();
  }
}
