package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types plain YAML scalars the way Helm's YAML reader (go-yaml v2, YAML 1.1 rules) does, so that
 * {@code yes} is a boolean and {@code 0x1F} an integer, as they are for {@code helm template}.
 */
final class ScalarResolver {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> TRUE =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSE =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");

  /** go-yaml v2's {@code yamlStyleFloat}, matched after underscores are removed. */
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private ScalarResolver() {}

  /** The typed value of a plain (unquoted, untagged) scalar. */
  static JsonNode plain(String text) {
    if (NULL.contains(text)) {
      return NODES.nullNode();
    }
    if (TRUE.contains(text)) {
      return NODES.booleanNode(true);
    }
    if (FALSE.contains(text)) {
      return NODES.booleanNode(false);
    }
    JsonNode number = number(text);
    return number != null ? number : NODES.textNode(text);
  }

  /** The value of a scalar with an explicit core tag such as {@code !!int}, or null if unknown. */
  static JsonNode tagged(String tag, String text) {
    return switch (tag) {
      case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp" ->
          NODES.textNode(text);
      case "tag:yaml.org,2002:null" -> NODES.nullNode();
      case "tag:yaml.org,2002:bool" ->
          TRUE.contains(text)
              ? NODES.booleanNode(true)
              : FALSE.contains(text) ? NODES.booleanNode(false) : null;
      case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float" -> number(text);
      default -> null;
    };
  }

  private static JsonNode number(String text) {
    if (text.isEmpty()) {
      return null;
    }
    char first = text.charAt(0);
    // go-yaml only tries numbers for text that starts with a digit, a sign or a dot.
    if ((first < '0' || first > '9') && first != '+' && first != '-' && first != '.') {
      return null;
    }
    // A leading dot is parsed as written; otherwise underscores are dropped first.
    String plain = first == '.' ? text : text.replace("_", "");
    BigInteger integer = integer(plain);
    if (integer != null) {
      return integer.bitLength() < 64
          ? (integer.bitLength() < 32
              ? NODES.numberNode(integer.intValue())
              : NODES.numberNode(integer.longValue()))
          : NODES.numberNode(integer);
    }
    switch (plain) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return NODES.numberNode(Double.POSITIVE_INFINITY);
      case "-.inf", "-.Inf", "-.INF":
        return NODES.numberNode(Double.NEGATIVE_INFINITY);
      case ".nan", ".NaN", ".NAN":
        return NODES.numberNode(Double.NaN);
      default:
        break;
    }
    // Also catches what no integer parse accepts, such as 08 (an octal-looking 8.0 for go-yaml).
    if (FLOAT.matcher(plain).matches()) {
      try {
        return NODES.numberNode(Double.parseDouble(plain));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Go's strconv.ParseInt(s, 0, 64) accepts these forms; larger values stay integers too. */
  private static BigInteger integer(String s) {
    String sign = "";
    String body = s;
    if (body.startsWith("-") || body.startsWith("+")) {
      sign = body.startsWith("-") ? "-" : "";
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return null;
    }
    int radix = 10;
    if (body.startsWith("0x") || body.startsWith("0X")) {
      radix = 16;
      body = body.substring(2);
    } else if (body.startsWith("0b") || body.startsWith("0B")) {
      radix = 2;
      body = body.substring(2);
    } else if (body.startsWith("0o") || body.startsWith("0O")) {
      radix = 8;
      body = body.substring(2);
    } else if (body.length() > 1 && body.startsWith("0")) {
      radix = 8;
      body = body.substring(1);
    }
    if (body.isEmpty() || body.startsWith("+") || body.startsWith("-")) {
      return null;
    }
    try {
      return new BigInteger(sign + body, radix);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
