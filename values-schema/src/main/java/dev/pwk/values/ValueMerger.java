package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Helm's two merges: {@code -f} files merge into each other (maps key by key, anything else
 * replaced, a later null kept as null), and the result is coalesced over the chart defaults (a user
 * null deletes the defaulted key, user values win, defaults fill the gaps).
 */
final class ValueMerger {
  private ValueMerger() {}

  /** Merges {@code next} (with its origins) into {@code acc}, as Helm merges -f files. */
  static void mergeFile(
      ObjectNode acc, Origins accOrigins, ObjectNode next, Origins nextOrigins, String pointer) {
    for (Map.Entry<String, JsonNode> e : next.properties()) {
      String child = Pointers.child(pointer, e.getKey());
      JsonNode current = acc.get(e.getKey());
      if (e.getValue() instanceof ObjectNode nextMap && current instanceof ObjectNode accMap) {
        mergeFile(accMap, accOrigins, nextMap, nextOrigins, child);
        Origin key = nextOrigins.keys.get(child);
        if (key != null) {
          accOrigins.key(child, key);
        }
        Origin value = nextOrigins.values.get(child);
        if (value != null) {
          accOrigins.value(child, value);
        }
      } else {
        acc.set(e.getKey(), e.getValue());
        accOrigins.copySubtree(e.getValue(), child, nextOrigins);
      }
    }
  }

  /**
   * Coalesces the chart {@code defaults} into {@code user} in place and returns the merge warnings
   * Helm would log.
   */
  static List<Finding> coalesce(ObjectNode user, ObjectNode defaults, Origins userOrigins) {
    List<Finding> warnings = new ArrayList<>();
    coalesce(user, defaults, "", userOrigins, warnings);
    return warnings;
  }

  private static void coalesce(
      ObjectNode dst, ObjectNode src, String pointer, Origins userOrigins, List<Finding> warnings) {
    for (Map.Entry<String, JsonNode> e : src.properties()) {
      String key = e.getKey();
      JsonNode defaultValue = e.getValue();
      JsonNode userValue = dst.get(key);
      String child = Pointers.child(pointer, key);
      if (userValue == null) {
        dst.set(key, defaultValue.deepCopy());
      } else if (userValue.isNull()) {
        dst.remove(key);
      } else if (defaultValue instanceof ObjectNode defaultMap) {
        if (userValue instanceof ObjectNode userMap) {
          coalesce(userMap, defaultMap, child, userOrigins, warnings);
        } else {
          warnings.add(warning(child, userOrigins, "replaces a map with " + describe(userValue)));
        }
      } else if (userValue.isObject() && !defaultValue.isNull()) {
        warnings.add(
            warning(child, userOrigins, "replaces " + describe(defaultValue) + " with a map"));
      }
    }
  }

  private static Finding warning(String pointer, Origins origins, String what) {
    Origin o = origins.values.get(pointer);
    String path = pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
    // Flag arguments may hold secrets: name the flag and its position, never its text.
    String source = o == null ? "" : o.isFlag() ? o.source() + " #" + o.flagIndex() : o.source();
    int line = o == null || o.isFlag() ? -1 : o.line();
    int column = o == null || o.isFlag() ? -1 : o.column();
    return InputFindings.warning(
        "input.merge-type-mismatch",
        source,
        line,
        column,
        path
            + " "
            + what
            + " from the chart defaults (Helm: cannot overwrite table with non table)");
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a map";
    }
    return node.isTextual() ? "a string" : node.isBoolean() ? "a boolean" : "a number";
  }
}
