package dev.pwk.renderer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a YAML reader gets back from a string that the chart inserts into a template as text,
 * unquoted ({@code name: {{ .Values.x }}}) or between double quotes ({@code image: "{{ ... }}"}).
 * Helm parses the result, so white space around an unquoted value is not part of it ({@code
 * nameOverride: "trail\n"} gives the label {@code trail}), a comment is cut off, escapes in double
 * quotes are decoded, and text that is not valid YAML there ({@code "a: b"}, {@code "- x"}, <code>
 * "&#123;&#123;"</code>) makes {@code helm template} fail. pwk reads the value back the same way
 * and refuses what Helm cannot parse, with {@link #RULE}.
 */
final class RawInsertion {
  /** Rule id for a value whose insertion Helm cannot parse. */
  static final String RULE = "render.invalid-yaml";

  /** Text that reads back as itself without a YAML parse, for the everyday value. */
  private static final Pattern SIMPLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  /** The plain spellings YAML reads as null that {@link #SIMPLE} would take as text. */
  private static final Pattern NULL_WORD = Pattern.compile("null|Null|NULL");

  private static final Pattern SIMPLE_QUOTED = Pattern.compile("[^\"\\\\\\p{Cntrl}]*");

  private static final YAMLFactory YAML = new YAMLFactory();

  private RawInsertion() {}

  /**
   * The string a YAML reader sees where the chart inserts {@code s} unquoted, or empty when the
   * result is not valid YAML or not a single value. A value that reads back as null ({@code
   * "&anchor"}, {@code "~"}) is empty; one that reads back as a number or boolean is kept as the
   * text around it (pwk prints such values as strings).
   */
  static Optional<String> plain(String s) {
    if (NULL_WORD.matcher(s).matches()) {
      return Optional.of("");
    }
    if (SIMPLE.matcher(s).matches() || s.isEmpty()) {
      return Optional.of(s);
    }
    return readBack(s).map(r -> r.string() ? r.text() : r.isNull() ? "" : s.strip());
  }

  /**
   * Whether {@code s}, inserted unquoted, reads back as null ({@code ""}, {@code "~"}, {@code
   * "null"}, an anchor alone) rather than as a string, even an empty one ({@code "!bang"}, a tag
   * alone, is the empty string).
   */
  static boolean readsAsNull(String s) {
    if (s.isEmpty() || NULL_WORD.matcher(s).matches()) {
      return true;
    }
    return !SIMPLE.matcher(s).matches() && readBack(s).map(ReadBack::isNull).orElse(false);
  }

  /** The string a YAML reader sees where the chart inserts {@code s} between double quotes. */
  static Optional<String> doubleQuoted(String s) {
    if (SIMPLE_QUOTED.matcher(s).matches()) {
      return Optional.of(s);
    }
    return readBack("\"" + s + "\"").map(ReadBack::text);
  }

  /** A scalar read back: its text, and whether YAML types it as a string or as null. */
  private record ReadBack(String text, boolean string, boolean isNull) {}

  /** The single scalar that {@code text} is, inserted as a nested map value, if it is one. */
  private static Optional<ReadBack> readBack(String text) {
    try (JsonParser p = YAML.createParser("p:\n  k: " + text + "\n")) {
      JsonToken[] frame = {
        JsonToken.START_OBJECT, JsonToken.FIELD_NAME, JsonToken.START_OBJECT, JsonToken.FIELD_NAME
      };
      for (JsonToken expected : frame) {
        if (p.nextToken() != expected) {
          return Optional.empty();
        }
      }
      JsonToken value = p.nextToken();
      if (value == null || !value.isScalarValue()) {
        return Optional.empty();
      }
      if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        return Optional.empty(); // an alias of an anchor the manifest does not have
      }
      ReadBack r =
          new ReadBack(p.getText(), value == JsonToken.VALUE_STRING, value == JsonToken.VALUE_NULL);
      JsonToken[] closing = {JsonToken.END_OBJECT, JsonToken.END_OBJECT, null};
      for (JsonToken expected : closing) {
        if (p.nextToken() != expected) {
          return Optional.empty();
        }
      }
      return Optional.of(r);
    } catch (IOException | RuntimeException e) {
      // Jackson wraps SnakeYAML's syntax errors; either way Helm could not parse it.
      return Optional.empty();
    }
  }
}
