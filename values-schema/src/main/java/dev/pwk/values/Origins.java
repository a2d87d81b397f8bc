package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Mutable record of where each value and each key was written, by JSON pointer. */
final class Origins {
  final Map<String, Origin> values = new HashMap<>();
  final Map<String, Origin> keys = new HashMap<>();

  void value(String pointer, Origin origin) {
    values.put(pointer, origin);
  }

  void key(String pointer, Origin origin) {
    keys.put(pointer, origin);
  }

  /** Marks {@code node} at {@code pointer} and everything below it as written at {@code origin}. */
  void subtree(JsonNode node, String pointer, Origin origin) {
    values.put(pointer, origin);
    keys.remove(pointer);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        subtree(e.getValue(), Pointers.child(pointer, e.getKey()), origin);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        subtree(node.get(i), Pointers.index(pointer, i), origin);
      }
    }
  }

  /** Copies the origins of {@code node} at {@code pointer} and below from {@code from}. */
  void copySubtree(JsonNode node, String pointer, Origins from) {
    Origin v = from.values.get(pointer);
    if (v != null) {
      values.put(pointer, v);
    }
    Origin k = from.keys.get(pointer);
    if (k != null) {
      keys.put(pointer, k);
    } else {
      keys.remove(pointer);
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        copySubtree(e.getValue(), Pointers.child(pointer, e.getKey()), from);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        copySubtree(node.get(i), Pointers.index(pointer, i), from);
      }
    }
  }
}
