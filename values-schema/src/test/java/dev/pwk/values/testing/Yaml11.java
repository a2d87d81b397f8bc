package dev.pwk.values.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML the way Kubernetes' go-yaml v2 types plain scalars (conformance README rule 5): {@code
 * y/n/yes/no/on/off/true/false} in any of their YAML 1.1 spellings are booleans; {@code ~}, {@code
 * null} and empty are null; decimal, {@code 0x}, {@code 0o}, leading-zero octal and {@code 0b}
 * numbers are integers; {@code 1.5}, {@code 1e3}, {@code .inf}, {@code .nan} are floats; everything
 * else, timestamps included, is a string. Integers come back as {@link BigInteger}, floats as
 * {@link Double}; duplicate keys keep the last value; anchors, aliases and {@code <<} merges are
 * honoured. A tag go-yaml does not know ({@code !bang}, as a raw insertion of {@code "!bang"}
 * prints) is ignored as go-yaml ignores it: a scalar so tagged is its text, a string.
 */
public final class Yaml11 {
  private static final Pattern GO_BOOL =
      Pattern.compile(
          "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  private static final Pattern GO_NULL = Pattern.compile("^(?:~|null|Null|NULL)$");
  private static final Pattern GO_EMPTY = Pattern.compile("^$");
  private static final Pattern GO_INT =
      Pattern.compile("^[-+]?(?:0b[01_]+|0o[0-7_]+|0[0-7_]+|0x[0-9a-fA-F_]+|0|[1-9][0-9_]*)$");
  private static final Pattern GO_FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  private static final Pattern GO_MERGE = Pattern.compile("^<<$");

  private Yaml11() {}

  /** Every document of a stream, as maps, lists and scalars; empty documents give null. */
  public static List<Object> loadAll(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    // Duplicates are expected (rule 5: the last one wins), so SnakeYAML need not warn.
    options.setWarnOnDuplicateKeys(false);
    Yaml parser =
        new Yaml(
            new Go11Constructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new Go11Resolver());
    List<Object> docs = new ArrayList<>();
    parser.loadAll(yaml).forEach(docs::add);
    return docs;
  }

  /** Its own patterns only (named apart from Resolver's inherited BOOL, INT, … constants). */
  private static final class Go11Resolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, GO_BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, GO_INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, GO_FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, GO_MERGE, "<");
      addImplicitResolver(Tag.NULL, GO_NULL, "~nN");
      addImplicitResolver(Tag.NULL, GO_EMPTY, null);
    }
  }

  private static final class Go11Constructor extends SafeConstructor {
    Go11Constructor(LoaderOptions options) {
      super(options);
      // The constructor SnakeYAML uses for tags it does not know (null key): go-yaml v2 keeps an
      // unknown tag's scalar as its text and builds a tagged map or list as an untagged one.
      yamlConstructors.put(
          null,
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              if (node.getNodeId() == NodeId.scalar) {
                return ((ScalarNode) node).getValue();
              }
              node.setTag(node.getNodeId() == NodeId.sequence ? Tag.SEQ : Tag.MAP);
              return getConstructor(node).construct(node);
            }
          });
      yamlConstructors.put(
          Tag.BOOL,
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              String v = constructScalar((ScalarNode) node).toLowerCase(Locale.ROOT);
              return v.equals("y") || v.equals("yes") || v.equals("true") || v.equals("on");
            }
          });
      yamlConstructors.put(
          Tag.INT,
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              return parseInt(constructScalar((ScalarNode) node));
            }
          });
      yamlConstructors.put(
          Tag.FLOAT,
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              return parseFloat(constructScalar((ScalarNode) node));
            }
          });
    }
  }

  static BigInteger parseInt(String text) {
    String s = text.replace("_", "");
    boolean negative = s.startsWith("-");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    BigInteger v;
    if (s.startsWith("0b")) {
      v = new BigInteger(s.substring(2), 2);
    } else if (s.startsWith("0o")) {
      v = new BigInteger(s.substring(2), 8);
    } else if (s.startsWith("0x")) {
      v = new BigInteger(s.substring(2), 16);
    } else if (s.length() > 1 && s.startsWith("0")) {
      v = new BigInteger(s.substring(1), 8);
    } else {
      v = new BigInteger(s);
    }
    return negative ? v.negate() : v;
  }

  static Double parseFloat(String text) {
    String s = text.replace("_", "");
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".inf")) {
      return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.equals(".nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }
}
