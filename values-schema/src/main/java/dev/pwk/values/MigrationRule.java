package dev.pwk.values;

import java.util.List;
import java.util.Objects;

/**
 * One change of the values contract between two consecutive chart releases, as listed in the chart
 * history's rule table ({@code history/migrations.tsv}).
 *
 * @param release the first chart release with the change
 * @param change what happens to the value path
 * @param path the dotted value path before the change; for {@link Change#VALUE} {@code
 *     path=oldValue}
 * @param argument the new path ({@link Change#RENAME}), the new value ({@link Change#VALUE}), the
 *     child key ({@link Change#WRAP}) or the JSON default in the release before ({@link
 *     Change#REMOVE})
 * @param note why, and for a removal what to do instead
 * @param pr the prefect-helm pull request that made the change, or empty when not known
 */
public record MigrationRule(
    String release, Change change, String path, String argument, String note, String pr) {

  /** The kinds of contract change. */
  public enum Change {
    /** The key (with everything under it) moves to another path. */
    RENAME,
    /** One accepted value of a key is replaced by another. */
    VALUE,
    /** A scalar becomes a map holding it under a child key. */
    WRAP,
    /** The key has no successor. */
    REMOVE
  }

  public MigrationRule {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(pr, "pr");
    if ((change == Change.VALUE) != path.contains("=")) {
      throw new IllegalArgumentException("only a value rule names path=value: " + path);
    }
  }

  /** The dotted key path the rule matches, without a {@code =value}. */
  public String keyPath() {
    int eq = path.indexOf('=');
    return eq < 0 ? path : path.substring(0, eq);
  }

  /** The key path as a JSON pointer: {@code worker.apiConfig} is {@code /worker/apiConfig}. */
  public String pointer() {
    return "/" + keyPath().replace('.', '/');
  }

  /** The key path as segments. */
  public List<String> keys() {
    return List.of(keyPath().split("\\."));
  }

  /** For a value rule, the value it replaces. */
  public String oldValue() {
    return path.substring(path.indexOf('=') + 1);
  }

  /** One line for a report: what changed in which release. */
  public String describe() {
    return switch (change) {
      case RENAME -> keyPath() + " became " + argument + " in chart " + release;
      case VALUE -> keyPath() + ": " + oldValue() + " became " + argument + " in chart " + release;
      case WRAP -> keyPath() + " moved to " + keyPath() + "." + argument + " in chart " + release;
      case REMOVE -> keyPath() + " was removed in chart " + release;
    };
  }
}
