package dev.pwk.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Resource quantities as the API server parses them. */
@DisplayName("Kubernetes quantities")
class QuantityTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "100m, 0.1",
    "1, 1",
    "1.5, 1.5",
    "256Mi, 268435456",
    "1Gi, 1073741824",
    "1G, 1000000000",
    "1e3, 1000",
    "2E, 2000000000000000000",
    ".5, 0.5",
    "+.5, 0.5",
    "2k, 2000",
  })
  void parses(String text, String value) {
    assertEquals(0, new BigDecimal(value).compareTo(Quantity.parse(text).orElseThrow()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "1Gb", "abc", "1 Gi", "1.2.3", "Mi", "1mi", "1e", "lots", "1e9999999999"})
  void rejects(String text) {
    assertTrue(Quantity.parse(text).isEmpty(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "500m", "1Gi"})
  @DisplayName("a container resource may be zero or more")
  void resource(String text) {
    assertEquals(Quantity.parse(text), Quantity.parseResource(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "-500m", "lots"})
  @DisplayName("a container resource may not be negative")
  void negativeResource(String text) {
    assertTrue(Quantity.parseResource(text).isEmpty(), text);
  }
}
