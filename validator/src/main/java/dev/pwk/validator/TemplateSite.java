package dev.pwk.validator;

import dev.pwk.values.Location;
import java.util.Optional;

/**
 * Where a base job template was written, so that a finding about a node of the template (named by a
 * JSON pointer into the template) points at the right file, line and column.
 */
interface TemplateSite {
  /** Where the value at the pointer (or the nearest node above it that was written) is. */
  Location at(String pointer);

  /** Where the key of the value at the pointer is, else where the value is. */
  Location atKey(String pointer);

  /** Where the {@code index}-th character of the string at the pointer is, else the value. */
  Location inString(String pointer, int index);

  /** The finding path of a template pointer. */
  String path(String pointer);

  /**
   * A template given as JSON text: a standalone file, a {@code --set-file} file, or a string in a
   * values file whose lines map onto the file's.
   *
   * @param json the parsed text
   * @param file the file findings name
   * @param rank the file's sort rank
   * @param map turns a position in the JSON text into one in the file, if it can
   * @param fallback where a finding goes when a position cannot be mapped
   * @param pathPrefix prepended to template pointers to form finding paths
   */
  record Text(
      JsonText json, String file, long rank, PositionMap map, Location fallback, String pathPrefix)
      implements TemplateSite {

    @Override
    public Location at(String pointer) {
      String p = pointer;
      while (true) {
        Optional<JsonText.Position> pos = json.value(p);
        if (pos.isPresent()) {
          return locate(pos.get());
        }
        if (p.isEmpty()) {
          return fallback;
        }
        p = p.substring(0, p.lastIndexOf('/'));
      }
    }

    @Override
    public Location atKey(String pointer) {
      return json.key(pointer).map(this::locate).orElseGet(() -> at(pointer));
    }

    @Override
    public Location inString(String pointer, int index) {
      return json.inString(pointer, index).map(this::locate).orElseGet(() -> at(pointer));
    }

    @Override
    public String path(String pointer) {
      return pathPrefix + pointer;
    }

    Location locate(JsonText.Position pos) {
      return map.apply(pos)
          .map(p -> new Location(file, p.line(), p.column(), rank))
          .orElse(fallback);
    }
  }

  /** Turns a position in JSON text into a position in the file the text was written in. */
  interface PositionMap {
    Optional<JsonText.Position> apply(JsonText.Position inJson);

    /** The text is the whole file. */
    static PositionMap identity() {
      return Optional::of;
    }

    /** Positions cannot be mapped; findings go to the fallback location. */
    static PositionMap none() {
      return p -> Optional.empty();
    }
  }

  /**
   * A template written as a YAML map in the values: every node has its own origin.
   *
   * @param ctx the lint context
   * @param base the values pointer of the template
   */
  record Values(LintContext ctx, String base) implements TemplateSite {
    @Override
    public Location at(String pointer) {
      return ctx.at(base + pointer);
    }

    @Override
    public Location atKey(String pointer) {
      return ctx.atKey(base + pointer);
    }

    @Override
    public Location inString(String pointer, int index) {
      return at(pointer);
    }

    @Override
    public String path(String pointer) {
      return base + pointer;
    }
  }
}
