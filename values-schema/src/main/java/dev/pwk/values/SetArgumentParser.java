package dev.pwk.values;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses one {@code --set}-style argument into a values tree, following Helm's {@code strvals}
 * grammar: comma-separated {@code key=value} pairs, dotted keys, {@code \} escapes, list indexes
 * {@code a[0]} (padding with nulls), {@code {a,b}} lists and, for {@code --set}, typed values.
 */
final class SetArgumentParser {
  /** Helm's limits on list indexes and key nesting. */
  static final int MAX_INDEX = 65536;

  static final int MAX_NESTING = 30;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Built on first use: only {@code --set-json} needs it, and it costs start-up time. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** Reads the file named by a {@code --set-file} value. */
  interface FileReader {
    String read(String path) throws ValuesException;
  }

  /** Thrown for a malformed argument; the message follows Helm's wording where it has one. */
  static final class SetSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    SetSyntaxException(String message, int column) {
      super(message);
      this.column = column;
    }
  }

  private enum Step {
    MORE,
    END
  }

  private final String text;
  private final Origin.Kind kind;
  private final int flagIndex;
  private final Origins origins;
  private final FileReader files;
  private int pos;
  private int pairStart;

  private SetArgumentParser(
      String text, Origin.Kind kind, int flagIndex, Origins origins, FileReader files) {
    this.text = text;
    this.kind = kind;
    this.flagIndex = flagIndex;
    this.origins = origins;
    this.files = files;
  }

  /** Parses {@code argument} of the {@code flagIndex}-th flag of {@code kind} into {@code data}. */
  static void parse(
      String argument,
      Origin.Kind kind,
      int flagIndex,
      ObjectNode data,
      Origins origins,
      FileReader files)
      throws SetSyntaxException, ValuesException {
    SetArgumentParser p = new SetArgumentParser(argument, kind, flagIndex, origins, files);
    if (kind == Origin.Kind.SET_LITERAL) {
      p.literal(data, "", 0);
      return;
    }
    while (true) {
      p.pairStart = p.pos;
      if (p.key(data, "", 0) == Step.END) {
        return;
      }
    }
  }

  private Origin origin() {
    return Origin.ofFlag(kind, text, flagIndex, pairStart + 1);
  }

  private void set(ObjectNode data, String key, JsonNode value, String pointer) {
    if (key.isEmpty()) {
      return;
    }
    data.set(key, value);
    origins.subtree(value, pointer, origin());
  }

  /** Characters up to a stop character, with backslash escapes; {@code last} is -1 at the end. */
  private record Until(String text, int last) {}

  private Until until(String stops) {
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (stops.indexOf(c) >= 0) {
        return new Until(sb.toString(), c);
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          return new Until(sb.toString(), -1);
        }
        sb.append(text.charAt(pos++));
      } else {
        sb.append(c);
      }
    }
    return new Until(sb.toString(), -1);
  }

  private Step key(ObjectNode data, String pointer, int nesting)
      throws SetSyntaxException, ValuesException {
    Until k = until("=[,.");
    String child = Pointers.child(pointer, k.text());
    switch (k.last()) {
      case -1:
        if (k.text().isEmpty()) {
          return Step.END;
        }
        throw error("key \"" + k.text() + "\" has no value");
      case '[':
        {
          int index = index();
          JsonNode existing = data.get(k.text());
          ArrayNode list;
          if (existing == null) {
            list = NODES.arrayNode();
          } else if (existing instanceof ArrayNode a) {
            list = a;
          } else {
            throw error(
                "cannot index \"" + k.text() + "\": it holds " + kindOf(existing) + ", not a list");
          }
          Step step = listItem(list, index, child, nesting);
          if (!k.text().isEmpty()) {
            data.set(k.text(), list);
            if (existing == null) {
              origins.key(child, origin());
              origins.value(child, origin());
            }
          }
          return step;
        }
      case '=':
        return assign(data, k.text(), child);
      case ',':
        set(data, k.text(), NODES.textNode(""), child);
        throw error("key \"" + k.text() + "\" has no value (cannot end with ,)");
      default:
        {
          if (nesting + 1 > MAX_NESTING) {
            throw error(
                "value name nested level is greater than maximum supported nested level of "
                    + MAX_NESTING);
          }
          JsonNode existing = data.get(k.text());
          ObjectNode inner;
          if (existing == null) {
            inner = NODES.objectNode();
          } else if (existing instanceof ObjectNode o) {
            inner = o;
          } else {
            throw error(
                "cannot set a key below \""
                    + k.text()
                    + "\": it holds "
                    + kindOf(existing)
                    + ", not a map");
          }
          Step step = key(inner, child, nesting + 1);
          if (inner.isEmpty()) {
            throw error("key map \"" + k.text() + "\" has no value");
          }
          if (!k.text().isEmpty() && existing == null) {
            data.set(k.text(), inner);
            origins.key(child, origin());
            origins.value(child, origin());
          }
          return step;
        }
    }
  }

  private Step assign(ObjectNode data, String key, String pointer)
      throws SetSyntaxException, ValuesException {
    if (kind == Origin.Kind.SET_JSON) {
      if (emptyValue()) {
        set(data, key, NODES.nullNode(), pointer);
        return Step.MORE;
      }
      set(data, key, json(), pointer);
      emptyValue();
      return Step.MORE;
    }
    if (pos >= text.length()) {
      set(data, key, NODES.textNode(""), pointer);
      return Step.END;
    }
    if (text.charAt(pos) == '{') {
      pos++;
      set(data, key, list(), pointer);
      return Step.MORE;
    }
    set(data, key, typed(until(",").text()), pointer);
    return Step.MORE;
  }

  private Step listItem(ArrayNode list, int index, String pointer, int nesting)
      throws SetSyntaxException, ValuesException {
    if (index < 0) {
      throw error("negative " + index + " index not allowed");
    }
    String itemPointer = Pointers.index(pointer, index);
    Until k = until("[.=");
    if (!k.text().isEmpty()) {
      throw error("unexpected data at end of array index: \"" + k.text() + "\"");
    }
    switch (k.last()) {
      case -1:
        return Step.END;
      case '=':
        {
          JsonNode value;
          if (kind == Origin.Kind.SET_JSON) {
            boolean empty = emptyValue();
            value = empty ? NODES.nullNode() : json();
            if (!empty) {
              emptyValue();
            }
          } else if (pos >= text.length()) {
            value = NODES.textNode("");
          } else if (text.charAt(pos) == '{') {
            pos++;
            value = list();
          } else {
            value = typed(until(",").text());
          }
          setIndex(list, index, value);
          origins.subtree(value, itemPointer, origin());
          return Step.MORE;
        }
      case '[':
        {
          int next = index();
          ArrayNode inner =
              index < list.size() && list.get(index) instanceof ArrayNode a ? a : NODES.arrayNode();
          if (index < list.size()
              && !list.get(index).isNull()
              && !(list.get(index) instanceof ArrayNode)) {
            throw error("cannot index item " + index + ": it holds " + kindOf(list.get(index)));
          }
          Step step = listItem(inner, next, itemPointer, nesting);
          if (step == Step.END) {
            return step; // as below
          }
          setIndex(list, index, inner);
          origins.value(itemPointer, origin());
          return step;
        }
      default:
        {
          ObjectNode inner =
              index < list.size() && list.get(index) instanceof ObjectNode o
                  ? o
                  : NODES.objectNode();
          if (index < list.size() && inner != list.get(index)) {
            // Helm's strvals replaces an item that is not a map (a null gap) in place before it
            // reads the key, so even a key that ends the argument lands in the list.
            list.set(index, inner);
            origins.value(itemPointer, origin());
          }
          Step step = key(inner, itemPointer, nesting);
          if (step == Step.END) {
            // Helm's strvals returns the list unchanged when the item's key ends the argument
            // with no value (io.EOF): a[3].key= leaves a as it was. An item that was already in
            // the list keeps what the key set in it.
            return step;
          }
          setIndex(list, index, inner);
          origins.value(itemPointer, origin());
          return step;
        }
    }
  }

  private void setIndex(ArrayNode list, int index, JsonNode value) throws SetSyntaxException {
    if (index > MAX_INDEX) {
      throw error("index of " + index + " is greater than maximum supported index of " + MAX_INDEX);
    }
    while (list.size() <= index) {
      list.addNull();
    }
    list.set(index, value);
  }

  private int index() throws SetSyntaxException {
    Until v = until("]");
    if (v.last() == -1) {
      throw error("error parsing index: missing ']'");
    }
    try {
      return Integer.parseInt(v.text());
    } catch (NumberFormatException e) {
      throw error("error parsing index: \"" + v.text() + "\" is not a number");
    }
  }

  private ArrayNode list() throws SetSyntaxException, ValuesException {
    ArrayNode list = NODES.arrayNode();
    while (true) {
      Until item = until(",}");
      if (item.last() == -1) {
        throw error("list must terminate with '}'");
      }
      list.add(typed(item.text()));
      if (item.last() == '}') {
        if (pos < text.length() && text.charAt(pos) == ',') {
          pos++;
        }
        return list;
      }
    }
  }

  /** Skips blanks; true (consuming a comma) when no value follows. */
  private boolean emptyValue() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',') {
        pos++;
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return false;
      }
      pos++;
    }
    return true;
  }

  private JsonNode json() throws SetSyntaxException {
    // Read the value as the first item of an array: like Go's json.Decoder, this stops at the
    // end of the value, where Jackson would insist on a space after a root-level number ("1,").
    String rest = text.substring(pos);
    try (JsonParser parser = Json.MAPPER.getFactory().createParser("[" + rest)) {
      parser.nextToken();
      JsonToken first = parser.nextToken();
      if (first == null || first == JsonToken.END_ARRAY) {
        throw error("no JSON value after '='");
      }
      JsonNode value = Json.MAPPER.readTree(parser);
      if (value == null) {
        throw error("no JSON value after '='");
      }
      pos += (int) parser.currentLocation().getCharOffset() - 1;
      return value;
    } catch (IOException e) {
      throw error("invalid JSON value: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private JsonNode typed(String value) throws ValuesException {
    return switch (kind) {
      case SET_STRING, SET_LITERAL -> NODES.textNode(value);
      case SET_FILE -> NODES.textNode(files.read(value));
      default -> typedValue(value);
    };
  }

  /** Helm's typing for {@code --set}: booleans, null and integers without a leading zero. */
  static JsonNode typedValue(String v) {
    if (v.equalsIgnoreCase("true")) {
      return NODES.booleanNode(true);
    }
    if (v.equalsIgnoreCase("false")) {
      return NODES.booleanNode(false);
    }
    if (v.equalsIgnoreCase("null")) {
      return NODES.nullNode();
    }
    if (v.equals("0")) {
      return NODES.numberNode(0);
    }
    if (!v.isEmpty() && v.charAt(0) != '0') {
      try {
        long n = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        // The same node types as the YAML reader, so a value types alike from a file or a flag.
        return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
      } catch (NumberFormatException e) {
        return NODES.textNode(v);
      }
    }
    return NODES.textNode(v);
  }

  /** {@code --set-literal}: a key path, then the whole rest of the argument as one string. */
  private void literal(ObjectNode data, String pointer, int nesting) throws SetSyntaxException {
    StringBuilder key = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '=') {
        set(
            data,
            key.toString(),
            NODES.textNode(text.substring(pos)),
            Pointers.child(pointer, key.toString()));
        pos = text.length();
        return;
      }
      if (c == '.') {
        if (nesting + 1 > MAX_NESTING) {
          throw error(
              "value name nested level is greater than maximum supported nested level of "
                  + MAX_NESTING);
        }
        String k = key.toString();
        JsonNode existing = data.get(k);
        ObjectNode inner = existing instanceof ObjectNode o ? o : NODES.objectNode();
        if (existing != null && !(existing instanceof ObjectNode)) {
          throw error(
              "cannot set a key below \"" + k + "\": it holds " + kindOf(existing) + ", not a map");
        }
        literal(inner, Pointers.child(pointer, k), nesting + 1);
        data.set(k, inner);
        origins.value(Pointers.child(pointer, k), origin());
        return;
      }
      if (c == '[') {
        throw error("list indexes are not supported by --set-literal");
      }
      key.append(c);
    }
    throw error("key \"" + key + "\" has no value");
  }

  private SetSyntaxException error(String message) {
    return new SetSyntaxException(message, Math.max(1, Math.min(pos, text.length())));
  }

  private static String kindOf(JsonNode node) {
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isNull() ? "null" : "the value " + node.getNodeType().name().toLowerCase();
  }
}
