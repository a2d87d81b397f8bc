package dev.pwk.validator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * JSON text read the way Python's {@code json} module reads it (strict JSON plus {@code NaN} and
 * {@code Infinity}; a repeated key keeps its last value), with the position of every value and key
 * so that findings can point inside the text. One validation's own: the positions are recorded on
 * first use, without locking.
 */
final class JsonText {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Jackson appends where its input came from; the finding already says where. */
  private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\[Source: [^\\]]*]");

  /** A 1-based line and column in the text. */
  record Position(int line, int column) {}

  /** Text that is not one JSON value, with the position where reading stopped. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Position at;

    SyntaxError(String message, Position at) {
      super(message);
      this.at = at;
    }

    Position at() {
      return at;
    }
  }

  private final String text;
  private final JsonNode root;

  /**
   * Positions by pointer, recorded by a second reading when a finding first asks for one: most
   * templates have no findings, and recording costs more than reading.
   */
  private Map<String, Position> values;

  private Map<String, Position> keys;
  private Lines lines;

  private JsonText(String text, JsonNode root) {
    this.text = text;
    this.root = root;
  }

  /** Reads one JSON value; anything but whitespace after it is a syntax error. */
  static JsonText parse(String text) throws SyntaxError {
    return new JsonText(text, read(text, null, null));
  }

  /** Reads the text, recording positions when given maps to record them in. */
  private static JsonNode read(
      String text, Map<String, Position> values, Map<String, Position> keys) throws SyntaxError {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        throw new SyntaxError("there is no JSON value", new Position(1, 1));
      }
      JsonNode root = new Reader(p, values, keys).read(values == null ? null : "");
      if (p.nextToken() != null) {
        throw new SyntaxError(
            "unexpected " + p.getText() + " after the JSON value",
            position(p.currentTokenLocation()));
      }
      return root;
    } catch (JsonProcessingException e) {
      String message = SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("");
      throw new SyntaxError(message.lines().findFirst().orElse(message), position(e.getLocation()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from a string failed", e);
    }
  }

  JsonNode root() {
    return root;
  }

  /** Where the value at the pointer starts (its first character, a quote for strings). */
  Optional<Position> value(String pointer) {
    recordPositions();
    return Optional.ofNullable(values.get(pointer));
  }

  /** Where the key of the value at the pointer is written, if it is an object member. */
  Optional<Position> key(String pointer) {
    recordPositions();
    return Optional.ofNullable(keys.get(pointer));
  }

  private void recordPositions() {
    if (values != null) {
      return;
    }
    Map<String, Position> v = new HashMap<>();
    Map<String, Position> k = new HashMap<>();
    try {
      read(text, v, k);
    } catch (SyntaxError e) {
      throw new IllegalStateException("JSON that was read once does not read again", e);
    }
    values = v;
    keys = k;
  }

  /**
   * Where the {@code index}-th character of the string at the pointer is written, counting
   * characters of the string's value (an escape such as {@code \n} is one character).
   */
  Optional<Position> inString(String pointer, int index) {
    Optional<Position> value = value(pointer);
    if (lines == null) {
      lines = Lines.of(text);
    }
    if (value.isEmpty() || value.get().line() > lines.size()) {
      return Optional.empty();
    }
    Position start = value.get();
    String line = lines.get(start.line() - 1);
    int raw = start.column(); // the 0-based index just after the opening quote
    for (int seen = 0; seen < index && raw < line.length(); seen++) {
      if (line.charAt(raw) == '\\') {
        raw += raw + 1 < line.length() && line.charAt(raw + 1) == 'u' ? 6 : 2;
      } else {
        raw++;
      }
    }
    return Optional.of(new Position(start.line(), raw + 1));
  }

  /** One reading of the text into a tree; a null pointer means positions are not recorded. */
  private record Reader(JsonParser p, Map<String, Position> values, Map<String, Position> keys) {
    JsonNode read(String pointer) throws IOException {
      JsonToken token = p.currentToken();
      if (pointer != null) {
        values.put(pointer, position(p.currentTokenLocation()));
      }
      switch (token) {
        case START_OBJECT -> {
          ObjectNode object = NODES.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = null;
            if (pointer != null) {
              child = Pointers.child(pointer, name);
              keys.put(child, position(p.currentTokenLocation()));
            }
            p.nextToken();
            object.set(name, read(child));
          }
          return object;
        }
        case START_ARRAY -> {
          ArrayNode array = NODES.arrayNode();
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(pointer == null ? null : Pointers.child(pointer, i++)));
          }
          return array;
        }
        case VALUE_STRING -> {
          return new PlainTextNode(p.getText());
        }
        case VALUE_NUMBER_INT -> {
          return switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return NODES.numberNode(p.getDoubleValue());
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
        }
        case VALUE_NULL -> {
          return NODES.nullNode();
        }
        default -> throw new IllegalStateException("unexpected token " + token);
      }
    }
  }

  private static Position position(JsonLocation at) {
    if (at == null) {
      return new Position(1, 1);
    }
    return new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }
}
