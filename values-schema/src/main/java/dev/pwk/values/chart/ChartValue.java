package dev.pwk.values.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One value the chart reads: where it sits in the values (its JSON pointer, for findings) and what
 * the merged values hold there.
 *
 * @param pointer the JSON pointer, e.g. {@code /worker/config/workPool}
 * @param node the merged value; {@link MissingNode} when absent
 */
public record ChartValue(String pointer, JsonNode node) {

  public ChartValue {
    node = node == null ? MissingNode.getInstance() : node;
  }

  /** The value under a map key; absent when this is not a map or has no such key. */
  public ChartValue child(String key) {
    return new ChartValue(pointer + "/" + escape(key), node.path(key));
  }

  /** The items of a list with their pointers; empty for anything but a list. */
  public List<ChartValue> items() {
    List<ChartValue> out = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(new ChartValue(pointer + "/" + i, node.get(i)));
      }
    }
    return out;
  }

  /** Whether a Go template's {@code if} takes this value as true ({@link GoTruth}). */
  public boolean truthy() {
    return GoTruth.truthy(node);
  }

  /** True when a non-null value is present. */
  public boolean isSet() {
    return !node.isMissingNode() && !node.isNull();
  }

  /** True when the value is the boolean {@code true}. */
  public boolean isTrue() {
    return node.isBoolean() && node.booleanValue();
  }

  /** True when the value is the boolean {@code false}. */
  public boolean isFalse() {
    return node.isBoolean() && !node.booleanValue();
  }

  /** The text of a string value, or an empty string for anything else. */
  public String text() {
    return node.isTextual() ? node.textValue() : "";
  }

  private static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }
}
