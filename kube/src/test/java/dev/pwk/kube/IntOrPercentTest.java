package dev.pwk.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("disruption budgets, as the API server validates a PodDisruptionBudget")
class IntOrPercentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0              | true",
        "3              | true",
        "2147483647     | true",
        "2147483648     | false",
        "-1             | false",
        "1.5            | false",
        "'\"0%\"'       | true",
        "'\"50%\"'      | true",
        "'\"100%\"'     | true",
        "'\"0100%\"'    | true",
        "'\"101%\"'     | false",
        "'\"150%\"'     | false",
        "'\"99999999999%\"' | false",
        "'\"-5%\"'      | false",
        "'\"5\"'        | false",
        "'\"5 %\"'      | false",
        "'\"%\"'        | false",
        "true           | false",
        "null           | false",
      })
  void budgets(String json, boolean accepted) throws Exception {
    JsonNode value = JSON.readTree(json);
    assertEquals(accepted, IntOrPercent.isBudget(value), json);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"0%, 0", "50%, 50", "100%, 100", "007%, 7"})
  void percent(String text, int value) {
    assertEquals(Optional.of(value), IntOrPercent.percent(text));
  }
}
