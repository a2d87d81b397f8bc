package dev.pwk.docs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON exactly as helm-docs writes defaults: compact, as Go's {@code encoding/json} with HTML
 * escaping off writes it for the Markdown table, and indented with HTML escaping, as Sprig's {@code
 * toPrettyJson} writes it for the HTML table. Map keys are sorted (Go encodes maps in key order),
 * strings use Go's escapes, and floats use Go's shortest form.
 */
final class GoJson {
  /** Go compares strings bytewise in UTF-8, which is code point order. */
  static final Comparator<String> GO_STRING_ORDER = GoJson::compareCodePoints;

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final JsonFactory JSON = new JsonFactory();

  private GoJson() {}

  /**
   * Encodes null, Boolean, Long, Double, String, List and Map values.
   *
   * @throws IllegalArgumentException for NaN, infinities and other types, which Go rejects too
   */
  static String encode(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, null, false);
    return out.toString();
  }

  /**
   * Encodes as Go's {@code json.MarshalIndent(value, "", " ")}: two spaces per level, {@code <},
   * {@code >} and {@code &} escaped.
   *
   * @throws IllegalArgumentException as {@link #encode}
   */
  static String encodeIndented(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, "\n", true);
    return out.toString();
  }

  /**
   * Decodes as Sprig's {@code fromJson}: one JSON value, numbers as Go's float64, and null for text
   * that is not JSON.
   */
  static Object decodeOrNull(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() == null) {
        return null;
      }
      Object value = read(p);
      return p.nextToken() == null ? value : null;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private static Object read(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          map.put(key, read(p));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        double d = Double.parseDouble(p.getText());
        if (Double.isInfinite(d)) {
          // Go refuses a number beyond float64, and fromJson then gives null.
          throw new NumberFormatException("out of range: " + p.getText());
        }
        return d;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** {@code newline} is null for compact output, else the new line before each indented item. */
  private static void write(StringBuilder out, Object value, String newline, boolean escapeHtml) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double) {
      out.append(formatFloat((Double) value));
    } else if (value instanceof String) {
      writeString(out, (String) value, escapeHtml);
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      out.append('[');
      String inner = newline == null ? null : newline + "  ";
      String sep = "";
      for (Object item : list) {
        out.append(sep);
        if (inner != null) {
          out.append(inner);
        }
        write(out, item, inner, escapeHtml);
        sep = ",";
      }
      if (newline != null && !list.isEmpty()) {
        out.append(newline);
      }
      out.append(']');
    } else if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      List<String> keys = new ArrayList<>();
      map.keySet().forEach(k -> keys.add((String) k));
      keys.sort(GO_STRING_ORDER);
      out.append('{');
      String inner = newline == null ? null : newline + "  ";
      String sep = "";
      for (String key : keys) {
        out.append(sep);
        if (inner != null) {
          out.append(inner);
        }
        writeString(out, key, escapeHtml);
        out.append(inner == null ? ":" : ": ");
        write(out, map.get(key), inner, escapeHtml);
        sep = ",";
      }
      if (newline != null && !keys.isEmpty()) {
        out.append(newline);
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("cannot encode " + value.getClass().getName());
    }
  }

  private static void writeString(StringBuilder out, String s, boolean escapeHtml) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (escapeHtml && (c == '<' || c == '>' || c == '&')) {
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        continue;
      }
      switch (c) {
        case '"':
        case '\\':
          out.append('\\').append(c);
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\u2028':
        case '\u2029':
          out.append("\\u202").append(HEX[c & 0xF]);
          break;
        default:
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // A lone surrogate is invalid UTF-8 to Go, which writes the replacement character.
            out.append("\\ufffd");
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** Go's float64 encoding: 'f' format, or 'e' below 1e-6 and from 1e21, shortest digits. */
  static String formatFloat(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new IllegalArgumentException("unsupported value: " + f);
    }
    if (f == 0) {
      return 1 / f < 0 ? "-0" : "0";
    }
    String sign = f < 0 ? "-" : "";
    double abs = Math.abs(f);
    BigDecimal d = shortest(abs).stripTrailingZeros();
    if (abs < 1e-6 || abs >= 1e21) {
      String digits = d.unscaledValue().toString();
      int exponent = digits.length() - 1 - d.scale();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      // Go pads exponents to two digits and then strips the pad from negative ones; positive
      // exponents here are at least 21, so no exponent is ever padded.
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
    return sign + d.toPlainString();
  }

  /**
   * The shortest decimal that reads back as {@code abs}, the closer one when two qualify, as Go's
   * {@code strconv} picks it. (JDK 17's {@code Double.toString} is not always the shortest.)
   */
  private static BigDecimal shortest(double abs) {
    BigDecimal exact = new BigDecimal(abs);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal below = exact.round(new MathContext(digits, RoundingMode.FLOOR));
      BigDecimal above = exact.round(new MathContext(digits, RoundingMode.CEILING));
      boolean belowFits = below.doubleValue() == abs;
      boolean aboveFits = above.doubleValue() == abs;
      if (belowFits && aboveFits) {
        return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      }
      if (belowFits || aboveFits) {
        return belowFits ? below : above;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
