package dev.pwk.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.pwk.values.chart.GoTruth;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the values tree (or of a Kubernetes object, for {@link FieldChecks}) together with its
 * JSON pointer, so that whatever is built from it can point back at the value's origin.
 *
 * @param pointer the JSON pointer in the effective values, e.g. {@code /worker/extraVolumes}, or in
 *     the rendered object
 * @param node the value; {@link MissingNode} when absent
 */
public record Value(String pointer, JsonNode node) {

  public Value {
    node = node == null ? MissingNode.getInstance() : node;
  }

  /** The value under a map key. */
  public Value child(String key) {
    return new Value(pointer + "/" + escape(key), node.path(key));
  }

  /** The items of a list with their pointers; empty for anything but a list. */
  public List<Value> items() {
    List<Value> out = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(new Value(pointer + "/" + i, node.get(i)));
      }
    }
    return out;
  }

  /** Go template truthiness of the value. */
  public boolean truthy() {
    return GoTruth.truthy(node);
  }

  /** True when the value is absent or null. */
  public boolean isNull() {
    return node.isMissingNode() || node.isNull();
  }

  /** The same pointer with a different node (e.g. after template evaluation). */
  public Value with(JsonNode replacement) {
    return new Value(pointer, replacement);
  }

  /**
   * The dotted form of the pointer for messages, e.g. {@code worker.extraVolumes[0].name} or {@code
   * commonLabels["app.kubernetes.io/name"]}.
   */
  public String dotted() {
    return dotted(pointer);
  }

  /** The dotted form of a JSON pointer, as {@link #dotted()} gives it. */
  public static String dotted(String pointer) {
    if (pointer.isEmpty()) {
      return "(root)";
    }
    StringBuilder out = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String seg = raw.replace("~1", "/").replace("~0", "~");
      if (seg.chars().allMatch(Character::isDigit) && !seg.isEmpty() && out.length() > 0) {
        out.append('[').append(seg).append(']');
      } else if (seg.isEmpty() || seg.chars().anyMatch(c -> c == '.' || c == '/' || c == ' ')) {
        // A key such as app.kubernetes.io/name would read as a path; quote it as users write it.
        out.append("[\"").append(seg).append("\"]");
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(seg);
      }
    }
    return out.toString();
  }

  /** Escapes a map key for use in a JSON pointer. */
  public static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }
}
