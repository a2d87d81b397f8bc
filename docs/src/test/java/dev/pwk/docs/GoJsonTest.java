package dev.pwk.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Go-compatible JSON")
class GoJsonTest {
  @ParameterizedTest
  @CsvSource({
    "1.5, 1.5",
    "100.0, 100",
    "0.000001, 0.000001",
    "0.0000001, 1e-7",
    "0.00000015, 1.5e-7",
    "123456789.0, 123456789",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "-2.5e22, -2.5e+22",
    "-0.0, -0"
  })
  @DisplayName("floats use Go's shortest form")
  void floats(double value, String json) {
    assertEquals(json, GoJson.encode(value));
  }

  @Test
  @DisplayName("NaN and infinities are rejected, as Go does")
  void nonFinite() {
    assertThrows(IllegalArgumentException.class, () -> GoJson.encode(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> GoJson.encode(Double.POSITIVE_INFINITY));
  }

  @Test
  @DisplayName("strings use Go's escapes, without HTML escaping")
  void strings() {
    assertEquals(
        "\"q\\\" b\\\\ \\n\\r\\t\\b\\f \\u0001 \\u2028\\u2029 <>& \u00e9 \uD83D\uDE00 \\ufffd\"",
        GoJson.encode("q\" b\\ \n\r\t\b\f \u0001 \u2028\u2029 <>& \u00e9 \uD83D\uDE00 \uD800"));
  }

  @Test
  @DisplayName("map keys are sorted by code point, lists keep their order")
  void ordering() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String key : new String[] {"\uD83D\uDE00", "\uFFFF", "b", "a", "B", "\u00e9"}) {
      map.put(key, 1L);
    }
    map.put("list", Arrays.asList(3L, null, true, "x"));
    assertEquals(
        "{\"B\":1,\"a\":1,\"b\":1,\"list\":[3,null,true,\"x\"],\"\u00e9\":1,\"\uFFFF\":1,"
            + "\"\uD83D\uDE00\":1}",
        GoJson.encode(map));
  }

  @Test
  @DisplayName("indented output is json.MarshalIndent's: two spaces, '<', '>' and '&' escaped")
  void indented() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("b", Arrays.asList(1.0, "<a & b>"));
    map.put("a", Map.of());
    map.put("c", List.of());
    map.put("d", Map.of("x", 0.5));
    assertEquals(
        "{\n  \"a\": {},\n  \"b\": [\n    1,\n    \"\\u003ca \\u0026 b\\u003e\"\n  ],\n"
            + "  \"c\": [],\n  \"d\": {\n    \"x\": 0.5\n  }\n}",
        GoJson.encodeIndented(map));
    assertEquals("null", GoJson.encodeIndented(null));
    assertEquals("\"s\"", GoJson.encodeIndented("s"));
  }

  @Test
  @DisplayName("decoding is Sprig's fromJson: numbers are float64, anything not JSON is null")
  void decode() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", List.of(1.0, 2.5, true, "x"));
    expected.put("b", null);
    assertEquals(expected, GoJson.decodeOrNull("{\"a\":[1,2.5,true,\"x\"],\"b\":null}"));
    assertEquals(Map.of("k", 2.0), GoJson.decodeOrNull("{\"k\":1,\"k\":2}"), "last key wins");
    for (String notJson :
        List.of("nil", "", "twice the replicas", "1 2", "{\"a\":", "1e400", "01")) {
      assertNull(GoJson.decodeOrNull(notJson), notJson);
    }
  }
}
