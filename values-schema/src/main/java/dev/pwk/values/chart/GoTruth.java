package dev.pwk.values.chart;

import com.fasterxml.jackson.databind.JsonNode;

/** Go template truthiness, which decides every {@code if}, {@code with} and {@code default}. */
public final class GoTruth {
  private GoTruth() {}

  /**
   * False for {@code false}, numeric zero, null or absent, {@code ""}, {@code []} and <code>{}
   * </code>; true for everything else.
   */
  public static boolean truthy(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.isIntegralNumber() ? n.bigIntegerValue().signum() != 0 : n.doubleValue() != 0.0;
    }
    if (n.isTextual()) {
      return !n.textValue().isEmpty();
    }
    if (n.isContainerNode()) {
      return n.size() > 0;
    }
    return true;
  }
}
