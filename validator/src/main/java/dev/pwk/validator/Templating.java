package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prefect's placeholder templating ({@code prefect.utilities.templating}): how {@code {{ name }}}
 * placeholders are found and how {@code apply_values} fills them.
 *
 * <p>A string that is exactly one standard placeholder takes the variable's value with its type (a
 * number, a map); a string with text around a placeholder, or with several, gets the value's Python
 * {@code str()}. A whole-string placeholder without a value removes its key or list item, and one
 * inside text becomes empty. Placeholders for Prefect blocks ({@code prefect.blocks.}), Prefect
 * variables ({@code prefect.variables.}) and environment variables ({@code $NAME}) are resolved
 * later by the worker and are left as they are here.
 */
final class Templating {
  /**
   * Prefect's {@code PLACEHOLDER_CAPTURE_REGEX}; Python's {@code \w} and {@code \s} are Unicode.
   */
  static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([\\w.\\-\\[\\]$]+)\\s*}}", Pattern.UNICODE_CHARACTER_CLASS);

  static final String BLOCK_PREFIX = "prefect.blocks.";
  static final String VARIABLE_PREFIX = "prefect.variables.";
  static final String ENV_PREFIX = "$";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Prefect's {@code PlaceholderType}. */
  enum Kind {
    STANDARD,
    BLOCK_DOCUMENT,
    VARIABLE,
    ENV_VAR
  }

  /**
   * One placeholder in a string.
   *
   * @param fullMatch the placeholder as written, e.g. {@code {{ image }}}
   * @param name the name inside the braces
   * @param kind what the name refers to
   * @param start the index of the placeholder in the string
   */
  record Placeholder(String fullMatch, String name, Kind kind, int start) {}

  /**
   * The value a variable fills a placeholder with, and where that value was written.
   *
   * @param value the value
   * @param variable the variable's name
   * @param source template pointer of the value (a variable's default), or null when it is a
   *     stand-in of the variable's type
   */
  record Value(JsonNode value, String variable, String source) {}

  /** Supplies variable values; an empty result is Prefect's {@code NotSet}. */
  interface Values {
    Optional<Value> get(String name);
  }

  /**
   * The result of {@link #apply}: the filled template (null when the whole template was a
   * placeholder without a value) and, for each filled node, where it came from.
   */
  static final class Applied {
    private final JsonNode node;
    private final Map<String, Origin> origins;

    private Applied(JsonNode node, Map<String, Origin> origins) {
      this.node = node;
      this.origins = origins;
    }

    /** The filled template, or null. */
    JsonNode node() {
      return node;
    }

    /**
     * Where the node at a pointer of the filled template came from: the nearest recorded node at or
     * above it. Inside a variable's default the rest of the pointer continues into the default.
     */
    Origin origin(String pointer) {
      String p = pointer;
      while (true) {
        Origin o = origins.get(p);
        if (o != null) {
          if (o.variable() != null && o.fromDefault()) {
            return new Origin(o.source() + pointer.substring(p.length()), o.variable(), true);
          }
          return o;
        }
        if (p.isEmpty()) {
          return new Origin("", null, false);
        }
        p = p.substring(0, p.lastIndexOf('/'));
      }
    }
  }

  /**
   * Where a node of a filled template came from.
   *
   * @param source template pointer of the node, of the placeholder that produced it, or of the
   *     variable default it was copied from
   * @param variable the variable that filled it, or null for template text
   * @param fromDefault true when {@code source} points into the variable's default
   */
  record Origin(String source, String variable, boolean fromDefault) {}

  private Templating() {}

  /** Every placeholder in the string, left to right. */
  static List<Placeholder> find(String text) {
    if (!text.contains("{{")) {
      return List.of(); // most strings have none; spare them the matcher
    }
    List<Placeholder> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(new Placeholder(m.group(), m.group(1), kind(m.group(1)), m.start()));
    }
    return out;
  }

  /** Prefect's {@code determine_placeholder_type}. */
  static Kind kind(String name) {
    if (name.startsWith(BLOCK_PREFIX)) {
      return Kind.BLOCK_DOCUMENT;
    }
    if (name.startsWith(VARIABLE_PREFIX)) {
      return Kind.VARIABLE;
    }
    if (name.startsWith(ENV_PREFIX)) {
      return Kind.ENV_VAR;
    }
    return Kind.STANDARD;
  }

  /**
   * Prefect's {@code apply_values} with {@code remove_notset=True}.
   *
   * @param template the template to fill
   * @param pointer the template's own pointer, which origins are given in
   * @param values the variables' values
   */
  static Applied apply(JsonNode template, String pointer, Values values) {
    Map<String, Origin> origins = new HashMap<>();
    JsonNode node = apply(template, pointer, "", values, origins);
    return new Applied(node, origins);
  }

  private static JsonNode apply(
      JsonNode t, String source, String result, Values values, Map<String, Origin> origins) {
    origins.put(result, new Origin(source, null, false));
    if (t.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : t.properties()) {
        JsonNode v =
            apply(
                e.getValue(),
                Pointers.child(source, e.getKey()),
                Pointers.child(result, e.getKey()),
                values,
                origins);
        if (v != null) {
          out.set(e.getKey(), v);
        }
      }
      return out;
    }
    if (t.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (int i = 0; i < t.size(); i++) {
        JsonNode v =
            apply(
                t.get(i),
                Pointers.child(source, i),
                Pointers.child(result, out.size()),
                values,
                origins);
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    }
    if (!t.isTextual()) {
      return t;
    }
    String text = t.textValue();
    List<Placeholder> found = find(text);
    if (found.isEmpty()) {
      return t;
    }
    Map<String, Placeholder> distinct = new LinkedHashMap<>();
    for (Placeholder p : found) {
      distinct.putIfAbsent(p.fullMatch(), p);
    }
    Placeholder first = distinct.values().iterator().next();
    if (distinct.size() == 1 && first.fullMatch().equals(text) && first.kind() == Kind.STANDARD) {
      Optional<Value> v = values.get(first.name());
      if (v.isEmpty()) {
        origins.remove(result);
        return null;
      }
      Value value = v.get();
      boolean fromDefault = value.source() != null;
      origins.put(
          result, new Origin(fromDefault ? value.source() : source, value.variable(), fromDefault));
      return value.value().deepCopy();
    }
    String filled = text;
    for (Placeholder p : distinct.values()) {
      if (p.kind() != Kind.STANDARD) {
        continue;
      }
      Optional<Value> v = values.get(p.name());
      filled = filled.replace(p.fullMatch(), v.map(x -> pythonStr(x.value())).orElse(""));
    }
    return NODES.textNode(filled);
  }

  /** Python's {@code str()} of a JSON value, as Prefect puts it into text around a placeholder. */
  static String pythonStr(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    return pythonRepr(n);
  }

  private static String pythonRepr(JsonNode n) {
    if (n.isTextual()) {
      return "'" + n.textValue().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (n.isNull() || n.isMissingNode()) {
      return "None";
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? "True" : "False";
    }
    if (n.isIntegralNumber()) {
      return n.bigIntegerValue().toString();
    }
    if (n.isNumber()) {
      double d = n.doubleValue();
      if (Double.isNaN(d)) {
        return "nan";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "inf" : "-inf";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e16) {
        return new BigDecimal(d).toPlainString() + ".0";
      }
      return Double.toString(d);
    }
    List<String> parts = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(e -> parts.add(pythonRepr(e)));
      return "[" + String.join(", ", parts) + "]";
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      parts.add(pythonRepr(NODES.textNode(e.getKey())) + ": " + pythonRepr(e.getValue()));
    }
    return "{" + String.join(", ", parts) + "}";
  }
}
