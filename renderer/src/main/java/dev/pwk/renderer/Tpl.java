package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pwk.kube.Value;
import dev.pwk.values.ChartInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The subset of Go templates that {@code common.tplvalues.render} may meet in this chart's values
 * (docs/chart-spec.md §4.9): {@code .Release.Name}, {@code .Release.Namespace}, {@code
 * .Chart.Name}, {@code .Chart.Version}, {@code .Chart.AppVersion}, {@code .Values.<path>} and
 * {@code include} or {@code template} of {@code "common.names.fullname"}, with <code>{{-</code> and
 * <code>-}}</code> trimming. Anything else is reported, never passed through.
 *
 * <p>Upstream evaluates the YAML text of a non-string value as one template. This evaluates each
 * string (map keys included) on its own, which gives the same result for every expression of the
 * subset and keeps each result a string.
 */
final class Tpl {
  static final String UNSUPPORTED = "tpl.unsupported";
  static final String UNKNOWN_VALUE = "tpl.unknown-value";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String FULLNAME_TEMPLATE = "\"common.names.fullname\"";

  private final Names names;
  private final ChartInfo chart;
  private final JsonNode values;
  private final Problems problems;

  Tpl(Names names, ChartInfo chart, JsonNode values, Problems problems) {
    this.names = names;
    this.chart = chart;
    this.values = values;
    this.problems = problems;
  }

  /** A template failure: the rule, the offending action and, for values, the path it named. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String ruleId;
    private final String messageKey;
    private final String action;
    private final String valuePath;

    Failure(String ruleId, String messageKey, String action, String valuePath) {
      super(action, null, false, false);
      this.ruleId = ruleId;
      this.messageKey = messageKey;
      this.action = action;
      this.valuePath = valuePath;
    }

    String ruleId() {
      return ruleId;
    }

    /** The message for a failure in the value at the dotted path {@code where}. */
    String message(String where) {
      return Messages.get(messageKey, action, where, valuePath);
    }
  }

  /**
   * The value with every string evaluated. Failures are recorded and leave the string as it was, so
   * that one render reports every bad expression.
   */
  Value render(Value v) {
    return v.with(render(v.node(), v.pointer()));
  }

  /** A string value evaluated, or the text unchanged when it fails (the failure is recorded). */
  String renderText(String text, String pointer) {
    return evaluateOrReport(text, pointer, false);
  }

  private JsonNode render(JsonNode n, String pointer) {
    if (n.isTextual()) {
      String s = n.textValue();
      return s.contains("{{") ? TextNode.valueOf(evaluateOrReport(s, pointer, false)) : n;
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(n.size());
      for (int i = 0; i < n.size(); i++) {
        out.add(render(n.get(i), pointer + "/" + i));
      }
      return out;
    }
    if (n.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String child = pointer + "/" + Value.escape(e.getKey());
        String key =
            e.getKey().contains("{{") ? evaluateOrReport(e.getKey(), child, true) : e.getKey();
        out.set(key, render(e.getValue(), child));
      }
      return out;
    }
    return n;
  }

  private String evaluateOrReport(String text, String pointer, boolean key) {
    try {
      return evaluate(text);
    } catch (Failure f) {
      String message = f.message(Value.dotted(pointer) + (key ? " (a key)" : ""));
      if (key) {
        problems.addForKey(pointer, f.ruleId(), message);
      } else {
        problems.add(pointer, f.ruleId(), message);
      }
      return text;
    }
  }

  /** Evaluates one template text. */
  String evaluate(String text) throws Failure {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (true) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        out.append(text, i, text.length());
        return out.toString();
      }
      boolean trimLeft = hasTrimMarker(text, open + 2);
      String before = text.substring(i, open);
      out.append(trimLeft ? stripTrailingSpace(before) : before);
      int bodyStart = open + (trimLeft ? 3 : 2);
      int close = findClose(text, bodyStart);
      if (close < 0) {
        throw new Failure(UNSUPPORTED, "tpl.unclosed", shorten(text.substring(open)), "");
      }
      boolean trimRight =
          close - 2 >= bodyStart
              && text.charAt(close - 1) == '-'
              && isSpace(text.charAt(close - 2));
      String action = text.substring(open, close + 2);
      String body = text.substring(bodyStart, trimRight ? close - 1 : close);
      out.append(evaluateAction(body.strip(), action));
      i = close + 2;
      if (trimRight) {
        while (i < text.length() && isSpace(text.charAt(i))) {
          i++;
        }
      }
    }
  }

  private String evaluateAction(String body, String action) throws Failure {
    List<String> words = words(body, action);
    if (words.size() == 1 && words.get(0).startsWith(".")) {
      return field(words.get(0), action);
    }
    if (words.size() == 3
        && (words.get(0).equals("include") || words.get(0).equals("template"))
        && words.get(1).equals(FULLNAME_TEMPLATE)
        && (words.get(2).equals(".") || words.get(2).equals("$"))) {
      return names.printedFullname();
    }
    throw unsupported(action);
  }

  private String field(String chain, String action) throws Failure {
    String[] parts = chain.substring(1).split("\\.", -1);
    for (String p : parts) {
      if (!IDENTIFIER.matcher(p).matches()) {
        throw unsupported(action);
      }
    }
    String head = parts[0];
    if (parts.length == 2 && head.equals("Release")) {
      switch (parts[1]) {
        case "Name":
          return names.release();
        case "Namespace":
          return names.releaseNamespace();
        default:
          throw unsupported(action);
      }
    }
    if (parts.length == 2 && head.equals("Chart")) {
      switch (parts[1]) {
        case "Name":
          return chart.name();
        case "Version":
          return chart.version();
        case "AppVersion":
          return chart.appVersion();
        default:
          throw unsupported(action);
      }
    }
    if (parts.length >= 2 && head.equals("Values")) {
      JsonNode n = values;
      StringBuilder path = new StringBuilder();
      for (int i = 1; i < parts.length; i++) {
        path.append(i > 1 ? "." : "").append(parts[i]);
        if (!n.isObject() || !n.has(parts[i])) {
          throw new Failure(UNKNOWN_VALUE, "tpl.unknown-value", action, path.toString());
        }
        n = n.get(parts[i]);
      }
      if (n.isContainerNode()) {
        throw new Failure(UNSUPPORTED, "tpl.non-scalar", action, path.toString());
      }
      return GoValues.print(n);
    }
    throw unsupported(action);
  }

  private static Failure unsupported(String action) {
    return new Failure(UNSUPPORTED, "tpl.unsupported", action, "");
  }

  /** Splits an action into words, keeping quoted strings whole. */
  private static List<String> words(String body, String action) throws Failure {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '"' || c == '`') {
        int end = endOfQuoted(body, i);
        if (end < 0) {
          throw unsupported(action);
        }
        i = end + 1;
      } else {
        while (i < body.length() && !isSpace(body.charAt(i))) {
          i++;
        }
      }
      out.add(body.substring(start, i));
    }
    return out;
  }

  /** The index of the <code>}}</code> closing the action that starts at {@code from}, or -1. */
  private static int findClose(String text, int from) {
    int i = from;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if (c == '"' || c == '`') {
        int end = endOfQuoted(text, i);
        if (end < 0) {
          return -1;
        }
        i = end + 1;
      } else if (c == '}' && text.charAt(i + 1) == '}') {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** The index of the quote closing the string opened at {@code start}, or -1. */
  private static int endOfQuoted(String s, int start) {
    char q = s.charAt(start);
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        return i;
      }
    }
    return -1;
  }

  /** Go's trim marker: a dash right after <code>{{</code> followed by white space. */
  private static boolean hasTrimMarker(String text, int at) {
    return at + 1 < text.length() && text.charAt(at) == '-' && isSpace(text.charAt(at + 1));
  }

  /** At most 40 characters of the text, so a message never quotes a whole value. */
  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static String stripTrailingSpace(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
