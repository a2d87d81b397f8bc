package dev.pwk.values.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("GoTruth decides an if as Go templates do")
class GoTruthTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "false | false",
        "true | true",
        "0 | false",
        "0.0 | false",
        "-0.0 | false",
        "1 | true",
        "0.5 | true",
        "-3 | true",
        "123456789012345678901234567890 | true",
        "'\"\"' | false",
        "'\"0\"' | true",
        "'\"false\"' | true",
        "[] | false",
        "[0] | true",
        "{} | false",
        "'{\"a\":null}' | true",
        "null | false"
      })
  void jsonValues(String json, boolean truthy) throws Exception {
    assertEquals(truthy, GoTruth.truthy(JSON.readTree(json)));
  }

  @Test
  @DisplayName("an absent value (or none at all) is false")
  void absent() {
    assertEquals(false, GoTruth.truthy(MissingNode.getInstance()));
    assertEquals(false, GoTruth.truthy(null));
  }
}
