package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one values file into a tree with the position of every key and value, rejecting what Helm
 * would misread or what could exhaust memory: several documents, duplicate keys, a root that is not
 * a map, text that is not UTF-8, binary content, alias bombs and deep nesting.
 */
final class YamlFileReader {
  /** Values a file may expand to, aliases included; far above any real values file. */
  static final int MAX_VALUES = 1_000_000;

  static final int MAX_DEPTH = 64;
  static final int MAX_ALIASES = 100;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Resolver RESOLVER = new Resolver();

  /** A parsed file. */
  record Parsed(ObjectNode tree, Origins origins, SourceText text) {}

  private final String name;
  private final Origin.Kind kind;
  private Origins origins = new Origins();
  private int converted;

  private YamlFileReader(String name, Origin.Kind kind) {
    this.name = name;
    this.kind = kind;
  }

  /** Decodes and parses file content. */
  static Parsed read(String name, byte[] bytes, Origin.Kind kind) throws ValuesException {
    return readText(name, decode(name, bytes), kind);
  }

  /** Parses decoded text. */
  static Parsed readText(String name, String text, Origin.Kind kind) throws ValuesException {
    return new YamlFileReader(name, kind).parse(text);
  }

  /** Strict UTF-8 decoding with a leading byte-order mark dropped. */
  static String decode(String name, byte[] bytes) throws ValuesException {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new ValuesException(
          InputFindings.error(
              "input.not-utf8", name, -1, -1, "file is UTF-16 encoded; save it as UTF-8"));
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ValuesException(
            InputFindings.error(
                "input.binary", name, -1, -1, "file contains NUL bytes; it is not a text file"));
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int line = 1;
      int bad = firstInvalidUtf8(bytes);
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ValuesException(
          InputFindings.error(
              "input.not-utf8",
              name,
              line,
              -1,
              "file is not valid UTF-8 (invalid byte at offset " + bad + ")"));
    }
  }

  private static int firstInvalidUtf8(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    for (int end = 1; end <= bytes.length; end++) {
      try {
        decoder.reset().decode(ByteBuffer.wrap(bytes, 0, end));
      } catch (CharacterCodingException e) {
        if (!(e instanceof java.nio.charset.MalformedInputException m) || m.getInputLength() > 0) {
          int start = end - 1;
          while (start > 0 && (bytes[start] & 0xC0) == 0x80) {
            start--;
          }
          return start;
        }
      }
    }
    return bytes.length;
  }

  private Parsed parse(String text) throws ValuesException {
    SourceText source = new SourceText(name, text);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(ValuesLoader.MAX_FILE_BYTES);
    options.setProcessComments(false);
    try {
      // go-yaml ends a block scalar that runs to the end of the file with a line break even when
      // the file has none (`configuration: |` then `{...}` and EOF); SnakeYAML follows the spec
      // and drops it. Reading the text with a final line break gives what Helm reads.
      String yaml = text.endsWith("\n") ? text : text + "\n";
      Composer composer =
          new Composer(new ParserImpl(new StreamReader(yaml), options), RESOLVER, options);
      Node root = composer.checkNode() ? composer.getNode() : null;
      while (composer.checkNode()) {
        Node extra = composer.getNode();
        if (!isEmptyDocument(extra)) {
          Mark m = extra.getStartMark();
          throw problem(
              "input.yaml-multiple-documents",
              m,
              "several YAML documents in one values file; put each in its own file and pass"
                  + " them with -f in order");
        }
      }
      if (root == null || isNullDocument(root)) {
        ObjectNode empty = NODES.objectNode();
        origins.value("", Origin.inFile(kind, name, 1, 1));
        return new Parsed(empty, origins, source);
      }
      if (!(root instanceof MappingNode)) {
        throw problem(
            "input.yaml-root-not-map",
            root.getStartMark(),
            "the top level of a values file must be a map of keys, found " + describe(root));
      }
      // Measure before building: an alias bomb is rejected without expanding it.
      if (expandedSize(root, new IdentityHashMap<>()) > MAX_VALUES) {
        throw aliasBomb();
      }
      JsonNode tree = convert(root, "", 0);
      return new Parsed((ObjectNode) tree, origins, source);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null && e.getProblem() != null) {
        what = what + " (" + e.getContext() + ")";
      }
      throw problem("input.yaml-syntax", m, "YAML syntax error: " + what);
    } catch (YAMLException e) {
      throw limitProblem(e);
    } catch (StackOverflowError e) {
      throw new ValuesException(
          InputFindings.error("input.yaml-depth-limit", name, -1, -1, "values nest too deeply"));
    }
  }

  private ValuesException limitProblem(YAMLException e) {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("aliases")) {
      return new ValuesException(
          InputFindings.error(
              "input.yaml-alias-limit",
              name,
              -1,
              -1,
              "too many aliases to collections (more than "
                  + MAX_ALIASES
                  + "); this looks like an alias bomb"));
    }
    if (msg.contains("Nesting Depth")) {
      return new ValuesException(
          InputFindings.error(
              "input.yaml-depth-limit",
              name,
              -1,
              -1,
              "values nest deeper than " + MAX_DEPTH + " levels"));
    }
    if (msg.contains("code points")) {
      return new ValuesException(
          InputFindings.error(
              "input.too-large",
              name,
              -1,
              -1,
              "file is larger than " + ValuesLoader.MAX_FILE_BYTES / (1024 * 1024) + " MiB"));
    }
    return new ValuesException(InputFindings.error("input.yaml-syntax", name, -1, -1, msg));
  }

  private ValuesException aliasBomb() {
    return new ValuesException(
        InputFindings.error(
            "input.yaml-alias-limit",
            name,
            -1,
            -1,
            "file expands to more than "
                + MAX_VALUES
                + " values through aliases; this looks like an alias bomb"));
  }

  /** The values a node expands to, aliases included, each node measured once; capped. */
  private static long expandedSize(Node node, Map<Node, Long> sizes) {
    Long known = sizes.get(node);
    if (known != null) {
      return known;
    }
    long size = 1;
    if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        size = Math.min(size + expandedSize(item, sizes), MAX_VALUES + 1L);
      }
    } else if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        size = Math.min(size + expandedSize(tuple.getValueNode(), sizes), MAX_VALUES + 1L);
      }
    }
    sizes.put(node, size);
    return size;
  }

  private static boolean isEmptyDocument(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.getValue().isEmpty();
  }

  /** A document that is only {@code ~} or {@code null} gives Helm no values, like an empty one. */
  private static boolean isNullDocument(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private ValuesException problem(String code, Mark mark, String message) {
    int line = mark != null ? mark.getLine() + 1 : -1;
    int column = mark != null ? mark.getColumn() + 1 : -1;
    return new ValuesException(InputFindings.error(code, name, line, column, message));
  }

  private Origin at(Node node) {
    Mark m = node.getStartMark();
    return Origin.inFile(kind, name, m.getLine() + 1, m.getColumn() + 1);
  }

  private JsonNode convert(Node node, String pointer, int depth) throws ValuesException {
    if (++converted > MAX_VALUES) {
      throw aliasBomb();
    }
    if (depth > MAX_DEPTH) {
      throw problem(
          "input.yaml-depth-limit",
          node.getStartMark(),
          "values nest deeper than " + MAX_DEPTH + " levels");
    }
    origins.value(pointer, at(node));
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode array = NODES.arrayNode();
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        array.add(convert(items.get(i), Pointers.index(pointer, i), depth + 1));
      }
      return array;
    }
    return mapping((MappingNode) node, pointer, depth);
  }

  private ObjectNode mapping(MappingNode map, String pointer, int depth) throws ValuesException {
    ObjectNode object = NODES.objectNode();
    Map<String, Integer> seen = new HashMap<>();
    List<Node> merges = new ArrayList<>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (keyNode.getTag().equals(Tag.MERGE)) {
        merges.add(tuple.getValueNode());
        continue;
      }
      if (!(keyNode instanceof ScalarNode keyScalar)) {
        throw problem(
            "input.yaml-complex-key",
            keyNode.getStartMark(),
            "map keys must be plain text, found " + describe(keyNode));
      }
      String key = keyText(keyScalar);
      Integer first = seen.putIfAbsent(key, keyNode.getStartMark().getLine() + 1);
      if (first != null) {
        throw problem(
            "input.yaml-duplicate-key",
            keyNode.getStartMark(),
            "duplicate key '" + key + "' (first defined at line " + first + ")");
      }
      String child = Pointers.child(pointer, key);
      origins.key(child, at(keyNode));
      object.set(key, convert(tuple.getValueNode(), child, depth + 1));
    }
    for (Node merge : merges) {
      List<Node> sources = merge instanceof SequenceNode s ? s.getValue() : List.of(merge);
      for (Node source : sources) {
        if (!(source instanceof MappingNode)) {
          throw problem(
              "input.yaml-syntax",
              source.getStartMark(),
              "a '<<' merge key needs a map or a list of maps");
        }
        // Keys the map already has keep their own value and position.
        Origins outer = origins;
        origins = new Origins();
        ObjectNode merged = mapping((MappingNode) source, pointer, depth);
        Origins inner = origins;
        origins = outer;
        for (Map.Entry<String, JsonNode> e : merged.properties()) {
          if (!object.has(e.getKey())) {
            object.set(e.getKey(), e.getValue());
            origins.copySubtree(e.getValue(), Pointers.child(pointer, e.getKey()), inner);
          }
        }
      }
    }
    return object;
  }

  /**
   * A map key as Helm sees it: go-yaml types plain keys ({@code on}, {@code 0x10}) and Helm's JSON
   * conversion prints them back as text, so {@code on:} is the key {@code "true"}.
   */
  private static String keyText(ScalarNode key) {
    String text = key.getValue();
    if (!key.isPlain() || !key.getTag().equals(RESOLVER.resolve(NodeId.scalar, text, true))) {
      return text;
    }
    JsonNode typed = ScalarResolver.plain(text);
    if (typed.isBoolean() || typed.isIntegralNumber()) {
      return typed.asText();
    }
    if (typed.isDouble() && Double.isFinite(typed.doubleValue())) {
      double d = typed.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e21 ? String.valueOf((long) d) : String.valueOf(d);
    }
    return text;
  }

  private JsonNode scalar(ScalarNode scalar) throws ValuesException {
    JsonNode typed = typed(scalar);
    if (typed.isDouble() && !Double.isFinite(typed.doubleValue())) {
      // Helm converts values to JSON, which has no infinity or NaN: it rejects the whole file.
      throw problem(
          "input.yaml-non-finite-number",
          scalar.getStartMark(),
          "'"
              + scalar.getValue()
              + "' is not a finite number, which Helm cannot read (it rejects the file); quote it"
              + " if you mean the text");
    }
    return typed;
  }

  private JsonNode typed(ScalarNode scalar) throws ValuesException {
    String value = scalar.getValue();
    Tag tag = scalar.getTag();
    boolean implicit =
        scalar.isPlain()
            ? tag.equals(RESOLVER.resolve(NodeId.scalar, value, true))
            : tag.equals(Tag.STR);
    if (implicit) {
      return scalar.isPlain() ? ScalarResolver.plain(value) : NODES.textNode(value);
    }
    JsonNode typed = ScalarResolver.tagged(tag.getValue(), value);
    if (typed == null) {
      throw problem(
          "input.yaml-syntax",
          scalar.getStartMark(),
          "cannot read '" + value + "' as " + tag.getValue());
    }
    return typed;
  }

  private static String describe(Node node) {
    return switch (node.getNodeId()) {
      case sequence -> "a list";
      case mapping -> "a map";
      default -> "a single value";
    };
  }
}
