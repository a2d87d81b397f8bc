package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;

/** JSON helpers for the tests: parse expected trees and compare them with loaded ones. */
final class JsonTrees {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Numbers are equal when both are integers (or both are not) with the same value, so an {@code
   * int} from YAML equals a {@code long} from {@code --set}, as both are Go numbers.
   */
  private static final Comparator<JsonNode> SAME_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          if (a.isIntegralNumber() != b.isIntegralNumber()) {
            return 1;
          }
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private JsonTrees() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad JSON in test: " + text, e);
    }
  }

  static boolean sameValue(JsonNode expected, JsonNode actual) {
    return actual != null && expected.equals(SAME_VALUE, actual);
  }

  static void assertJson(String expectedJson, JsonNode actual) {
    assertJson(json(expectedJson), actual, "");
  }

  static void assertJson(String expectedJson, JsonNode actual, String what) {
    assertJson(json(expectedJson), actual, what);
  }

  static void assertJson(JsonNode expected, JsonNode actual, String what) {
    if (!sameValue(expected, actual)) {
      fail((what.isEmpty() ? "" : what + ": ") + "expected " + expected + " but was " + actual);
    }
  }
}
