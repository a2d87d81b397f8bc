package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values after loading and merging, as Helm's templates would see them, with the origin of every
 * value. The trees are shared, not copied: callers must not modify them.
 */
public final class LoadedValues {
  private final JsonNode tree;
  private final JsonNode userTree;
  private final Map<String, Origin> valueOrigins;
  private final Map<String, Origin> keyOrigins;
  private final List<SourceText> sources;
  private final List<Finding> warnings;

  LoadedValues(
      JsonNode tree,
      JsonNode userTree,
      Map<String, Origin> valueOrigins,
      Map<String, Origin> keyOrigins,
      List<SourceText> sources,
      List<Finding> warnings) {
    this.tree = tree;
    this.userTree = userTree;
    this.valueOrigins = Map.copyOf(valueOrigins);
    this.keyOrigins = Map.copyOf(keyOrigins);
    this.sources = List.copyOf(sources);
    this.warnings = List.copyOf(warnings);
  }

  /** The effective values: the chart defaults coalesced with the user's values. */
  public JsonNode tree() {
    return tree;
  }

  /** The user's values alone, merged across sources but before the chart defaults. */
  public JsonNode userTree() {
    return userTree;
  }

  /**
   * Where the value at a JSON pointer (such as {@code /worker/config/workPool}) came from, if that
   * path exists in {@link #tree()}.
   */
  public Optional<Origin> origin(String pointer) {
    return Optional.ofNullable(valueOrigins.get(pointer));
  }

  /**
   * Where the key of the value at a JSON pointer was written. For flags and list items this is the
   * same as {@link #origin(String)}.
   */
  public Optional<Origin> keyOrigin(String pointer) {
    Origin key = keyOrigins.get(pointer);
    return key != null ? Optional.of(key) : origin(pointer);
  }

  /**
   * The origin of the nearest path at or above {@code pointer} that the user wrote (a file or a
   * flag, not the chart defaults), if any.
   */
  public Optional<Origin> nearestUserOrigin(String pointer) {
    String p = pointer;
    while (true) {
      Origin o = keyOrigins.getOrDefault(p, valueOrigins.get(p));
      if (o != null && o.kind() != Origin.Kind.DEFAULTS) {
        return Optional.of(o);
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** The texts of the user's files, for showing offending lines. */
  public List<SourceText> sources() {
    return sources;
  }

  /** The text of the named file, if it was read. */
  public Optional<SourceText> source(String name) {
    return sources.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * Non-fatal notes from merging, such as a string replacing a map default (Helm logs "cannot
   * overwrite table with non table" for these).
   */
  public List<Finding> warnings() {
    return warnings;
  }
}
