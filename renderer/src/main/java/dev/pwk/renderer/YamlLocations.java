package dev.pwk.renderer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Where each JSON pointer of a YAML document starts: its key, or its list item. */
final class YamlLocations {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  /** A 1-based line and column inside one document. */
  record Position(int line, int column) {}

  private YamlLocations() {}

  /** The position of every key and list item of a document the renderer wrote. */
  static Map<String, Position> of(String yaml) {
    Map<String, Position> out = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        JsonStreamContext ctx = p.getParsingContext();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          // The new container's own context has no name yet; its place is in the parent's.
          ctx = ctx.getParent();
          if (ctx == null || !ctx.inArray()) {
            continue;
          }
        } else if (t != JsonToken.FIELD_NAME && !ctx.inArray()) {
          continue;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        JsonLocation at = p.currentTokenLocation();
        out.putIfAbsent(
            ctx.pathAsPointer().toString(), new Position(at.getLineNr(), at.getColumnNr()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back the renderer's own YAML", e);
    }
    return out;
  }

  /** The position of {@code pointer}, or of its nearest ancestor that is written; else null. */
  static Position find(Map<String, Position> positions, String pointer) {
    String p = pointer;
    while (!p.isEmpty()) {
      Position at = positions.get(p);
      if (at != null) {
        return at;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return null;
  }
}
