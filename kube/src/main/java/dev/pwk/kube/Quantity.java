package dev.pwk.kube;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 100m}, {@code 1Gi}, {@code 1e3}), parsed to a number. Used
 * for values and for rendered objects alike.
 */
public final class Quantity {
  /**
   * A signed decimal, then an exponent (at most nine digits, so it always fits an int) or a binary
   * or decimal SI suffix.
   */
  private static final Pattern SYNTAX =
      Pattern.compile(
          "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))"
              + "(?:([eE][+-]?[0-9]{1,9})|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?");

  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantity() {}

  /** The value in base units (cores or bytes), or empty when the text is not a quantity. */
  public static Optional<BigDecimal> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(m.group(2).substring(1))));
    }
    if (m.group(3) != null) {
      return Optional.of(number.multiply(SUFFIXES.get(m.group(3))));
    }
    return Optional.of(number);
  }

  /**
   * A container's resource request or limit in base units, or empty when the text is not a quantity
   * or is negative: the API server requires it to be at least 0.
   */
  public static Optional<BigDecimal> parseResource(String text) {
    return parse(text).filter(q -> q.signum() >= 0);
  }
}
