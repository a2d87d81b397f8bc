package dev.pwk.docs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.pwk.docs.DocsException.Input;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A values file as a tree whose map keys and list items carry the comment block written directly
 * above them. Jackson reads the values and tells where each key starts; the comments are read from
 * the text lines, since YAML parsers drop them.
 *
 * <p>A comment block is the run of whole-line comments right above the line where a key or list
 * item starts, up to the first blank or non-comment line. Only the first key or item that starts on
 * a line owns that block, so in {@code a: {b: 1}} the comment above belongs to {@code a}. Scalars
 * follow YAML 1.2 as helm-docs' parser does ({@code yes} and {@code on} are strings, an empty value
 * is null), except that Jackson reads {@code 0o17} as a string and {@code 1e3} as a float.
 */
final class ValuesTree {
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build();

  /** A node of the tree. */
  sealed interface Node permits MapNode, ListNode, Scalar {}

  /** One whole-line comment: its 1-based line and its text from the {@code #} on. */
  record CommentLine(int line, String text) {}

  /** A map entry with the comment block above its key. */
  record Entry(String key, List<CommentLine> comment, Node value) {}

  /** A mapping, in file order. */
  record MapNode(List<Entry> entries) implements Node {}

  /** A list item with the comment block above it. */
  record Item(List<CommentLine> comment, Node value) {}

  /** A sequence. */
  record ListNode(List<Item> items) implements Node {}

  /** A scalar: null, Boolean, Long, Double or String. */
  record Scalar(Object value) implements Node {}

  private final String[] lines;
  private final BitSet scalarLines = new BitSet();
  private final Set<Integer> claimedLines = new HashSet<>();
  private final YAMLParser parser;

  private ValuesTree(String text, YAMLParser parser) {
    this.lines = splitLines(text);
    this.parser = parser;
  }

  /**
   * Parses the first document of a values file.
   *
   * @return the root map, or empty for a file without content
   */
  static Optional<MapNode> parse(String yaml) throws DocsException {
    String text = yaml.replace("\r\n", "\n");
    try (YAMLParser parser = YAML.createParser(text)) {
      ValuesTree tree = new ValuesTree(text, parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      int line = tree.tokenLine();
      Node root = tree.read(first);
      if (!(root instanceof MapNode)) {
        throw new DocsException(Input.VALUES, line, "the values file must hold a map");
      }
      return Optional.of((MapNode) root);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      int line = where == null || where.getLineNr() < 1 ? -1 : where.getLineNr();
      throw new DocsException(Input.VALUES, line, "malformed YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DocsException(Input.VALUES, -1, "unreadable YAML: " + e.getMessage());
    }
  }

  /** The value as plain Java objects (LinkedHashMap, ArrayList, scalars) for JSON encoding. */
  static Object toPlain(Node node) {
    if (node instanceof MapNode) {
      Map<String, Object> map = new LinkedHashMap<>();
      ((MapNode) node).entries().forEach(e -> map.put(e.key(), toPlain(e.value())));
      return map;
    }
    if (node instanceof ListNode) {
      List<Object> list = new ArrayList<>();
      ((ListNode) node).items().forEach(i -> list.add(toPlain(i.value())));
      return list;
    }
    return ((Scalar) node).value();
  }

  /** True when a comment block asks helm-docs to leave its key out. */
  private static boolean ignored(List<CommentLine> comment) {
    return comment.stream().anyMatch(c -> c.text().contains("@ignore"));
  }

  private Node read(JsonToken token) throws IOException, DocsException {
    switch (token) {
      case START_OBJECT:
        return readMap();
      case START_ARRAY:
        return readList();
      case VALUE_STRING:
        if (parser.isCurrentAlias()) {
          throw new DocsException(Input.VALUES, tokenLine(), "YAML aliases are not supported");
        }
        String text = parser.getText();
        markScalarLines();
        return new Scalar(text);
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new DocsException(
              Input.VALUES, tokenLine(), "integer out of range: " + parser.getText());
        }
        return new Scalar(parser.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return new Scalar(readDouble());
      case VALUE_TRUE:
        return new Scalar(Boolean.TRUE);
      case VALUE_FALSE:
        return new Scalar(Boolean.FALSE);
      case VALUE_NULL:
        return new Scalar(null);
      default:
        throw new DocsException(Input.VALUES, tokenLine(), "unsupported YAML value " + token);
    }
  }

  private MapNode readMap() throws IOException, DocsException {
    List<Entry> entries = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      int line = tokenLine();
      if (!keys.add(key)) {
        throw new DocsException(Input.VALUES, line, "duplicate key \"" + key + "\"");
      }
      List<CommentLine> comment = claimCommentAbove(line);
      Node value = read(parser.nextToken());
      if (!ignored(comment)) {
        entries.add(new Entry(key, comment, value));
      }
    }
    return new MapNode(List.copyOf(entries));
  }

  private ListNode readList() throws IOException, DocsException {
    List<Item> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      List<CommentLine> comment = claimCommentAbove(tokenLine());
      Node value = read(t);
      if (!ignored(comment)) {
        items.add(new Item(comment, value));
      }
    }
    return new ListNode(List.copyOf(items));
  }

  private double readDouble() throws IOException, DocsException {
    try {
      return parser.getDoubleValue();
    } catch (JsonProcessingException e) {
      throw new DocsException(Input.VALUES, tokenLine(), "unsupported number " + parser.getText());
    }
  }

  private int tokenLine() {
    return parser.currentTokenLocation().getLineNr();
  }

  /** Remembers the lines inside a multi-line scalar, which are text even when they start with #. */
  private void markScalarLines() {
    int start = tokenLine();
    JsonLocation end = parser.currentLocation();
    int last = end.getColumnNr() > 1 ? end.getLineNr() : end.getLineNr() - 1;
    if (last > start) {
      scalarLines.set(start + 1, last + 1);
    }
  }

  private List<CommentLine> claimCommentAbove(int line) {
    if (!claimedLines.add(line)) {
      return List.of();
    }
    int first = line;
    while (first > 1 && isComment(first - 1)) {
      first--;
    }
    List<CommentLine> block = new ArrayList<>();
    for (int i = first; i < line; i++) {
      block.add(new CommentLine(i, stripIndent(lines[i - 1])));
    }
    return List.copyOf(block);
  }

  private boolean isComment(int line) {
    return line <= lines.length
        && !scalarLines.get(line)
        && stripIndent(lines[line - 1]).startsWith("#");
  }

  private static String stripIndent(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return s.substring(i);
  }

  /** Splits where the YAML parser counts a new line, so that line numbers agree. */
  private static String[] splitLines(String text) {
    return text.split("\r\n|[\n\r\u0085\u2028\u2029]", -1);
  }
}
