package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Origin;
import java.math.BigDecimal;

/**
 * How Go templates print values: {@code fmt.Sprint} and {@code %q} quoting (truthiness is the chart
 * model's {@link dev.pwk.values.chart.GoTruth}).
 */
final class GoValues {
  /** What Go's {@code printf "%s"} prints for a null or absent value. */
  static final String NIL_AS_S = "%!s(<nil>)";

  private GoValues() {}

  /** True for strings, numbers and booleans. */
  static boolean isScalar(JsonNode n) {
    return n != null && (n.isTextual() || n.isNumber() || n.isBoolean());
  }

  /**
   * A scalar as Go prints it ({@code fmt.Sprint}): strings as is, booleans as {@code true} or
   * {@code false}, integers in decimal and floats in Go's shortest {@code %v} form ({@code 1.5},
   * {@code 1e+06}). Null or absent prints as the empty string, as Helm replaces {@code <no value>}.
   *
   * @throws IllegalArgumentException for maps and lists
   */
  static String print(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return "";
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return Boolean.toString(n.booleanValue());
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isNumber()) {
      return formatFloat(n.doubleValue());
    }
    throw new IllegalArgumentException("not a scalar: " + n.getNodeType());
  }

  /**
   * Sprig's {@code toString}: as {@link #print}, except that null prints as {@code <nil>} (Go's
   * {@code %v} of nil), which Helm does not replace.
   */
  static String sprigToString(JsonNode n) {
    return n == null || n.isNull() ? "<nil>" : print(n);
  }

  /**
   * Whether Helm holds a number from this source as a float64, which Go prints as {@code 1e+06}:
   * values files and the chart's defaults (read through JSON) and {@code --set-json}; a {@code
   * --set} integer is an int64.
   */
  static boolean heldAsFloat64(Origin.Kind source) {
    return source == Origin.Kind.FILE
        || source == Origin.Kind.DEFAULTS
        || source == Origin.Kind.SET_JSON;
  }

  /** Go's {@code %v} for a float64: shortest digits, exponent form below 1e-4 or from 1e6. */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = b.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - b.scale();
    String sign = b.signum() < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = Integer.toString(Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return sign + b.abs().toPlainString();
  }

  /** Go's {@code %q} (strconv.Quote): a double-quoted string with Go escapes. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> {
                  if (isPrint(cp)) {
                    out.appendCodePoint(cp);
                  } else if (cp < 0x80) {
                    out.append(String.format("\\x%02x", cp));
                  } else if (cp < 0x10000) {
                    out.append(String.format("\\u%04x", cp));
                  } else {
                    out.append(String.format("\\U%08x", cp));
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  private static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }
}
