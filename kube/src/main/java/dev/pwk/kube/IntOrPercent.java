package dev.pwk.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' {@code IntOrString} fields that hold a count or a percentage, checked as the API
 * server checks a PodDisruptionBudget's {@code minAvailable} and {@code maxUnavailable}: a
 * non-negative 32-bit integer, or a string of digits and {@code %} of at most {@code 100%}.
 */
public final class IntOrPercent {
  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private IntOrPercent() {}

  /** Whether the API server accepts {@code value} as a disruption budget. */
  public static boolean isBudget(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.canConvertToInt() && value.intValue() >= 0;
    }
    return value.isTextual() && percent(value.textValue()).isPresent();
  }

  /**
   * The percentage {@code text} stands for, when it is one the API server accepts for a budget
   * ({@code 0%} to {@code 100%}, leading zeros allowed).
   */
  public static Optional<Integer> percent(String text) {
    if (!PERCENT.matcher(text).matches()) {
      return Optional.empty();
    }
    BigInteger n = new BigInteger(text.substring(0, text.length() - 1));
    return n.compareTo(HUNDRED) <= 0 ? Optional.of(n.intValue()) : Optional.empty();
  }
}
