package dev.pwk.values;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Edits the text of a values file in place: renames, moves, wraps and removes keys and replaces
 * scalars, touching only the characters and lines the edit needs. Comments, quoting, key order,
 * blank lines and indentation elsewhere stay byte for byte; a moved or removed key takes the
 * comment lines directly above it along.
 *
 * <p>Only block-style maps are restructured; an edit a flow-style map ({@code {a: 1}}) would need
 * is refused with {@link Outcome#UNSUPPORTED} so that the caller can ask for a hand edit.
 */
final class ValuesTextEditor {
  private static final Resolver RESOLVER = new Resolver();
  private static final int DEFAULT_STEP = 2;

  /** What an edit did. */
  enum Outcome {
    /** The text changed. */
    DONE,
    /** The key or value the edit names is not in the file. */
    ABSENT,
    /** The target already exists; nothing changed. */
    CONFLICT,
    /** The file's layout there (flow style, a key not first on its line) needs a hand edit. */
    UNSUPPORTED
  }

  private String text;
  private MappingNode root;

  ValuesTextEditor(String text) {
    this.text = text;
    reparse();
  }

  String text() {
    return text;
  }

  /** The scalar at a key path, or null when there is none. */
  ScalarNode scalarAt(List<String> keys) {
    NodeTuple t = find(keys);
    return t != null && t.getValueNode() instanceof ScalarNode s ? s : null;
  }

  /** Whether the key path holds null (written or empty). */
  boolean isNull(List<String> keys) {
    ScalarNode s = scalarAt(keys);
    return s != null && isNull(s);
  }

  /** Whether the key path exists. */
  boolean has(List<String> keys) {
    return find(keys) != null;
  }

  /** Replaces a scalar holding {@code oldValue} by {@code newValue}, keeping its quotes. */
  Outcome replaceValue(List<String> keys, String oldValue, String newValue) {
    ScalarNode s = scalarAt(keys);
    if (s == null || isNull(s) || !s.getValue().equals(oldValue)) {
      return Outcome.ABSENT;
    }
    int start = offset(s.getStartMark());
    int end = offset(s.getEndMark());
    String old = text.substring(start, end);
    String replacement = newValue;
    if (!newValue.equals("null") && (old.startsWith("\"") || old.startsWith("'"))) {
      replacement = old.charAt(0) + newValue + old.charAt(0);
    } else if (old.contains("\n") || old.startsWith("|") || old.startsWith(">")) {
      return Outcome.UNSUPPORTED;
    }
    return splice(start, end, replacement);
  }

  /**
   * Moves a key with everything under it to another path. Under the same parent the key is renamed
   * in place; elsewhere its lines go to the end of the new parent, or, when the new parent does not
   * exist yet and hangs under the old one, the new parent is created in place.
   */
  Outcome move(List<String> from, List<String> to) {
    NodeTuple source = find(from);
    if (source == null) {
      return Outcome.ABSENT;
    }
    if (find(to) != null) {
      return Outcome.CONFLICT;
    }
    if (!from.get(from.size() - 1).equals(to.get(to.size() - 1))) {
      Outcome renamed = renameKey(from, to.get(to.size() - 1));
      if (renamed != Outcome.DONE || from.size() == to.size() && parent(from).equals(parent(to))) {
        return renamed;
      }
      from = append(parent(from), to.get(to.size() - 1));
      source = find(from);
    }
    if (!inBlockMaps(from)) {
      return Outcome.UNSUPPORTED;
    }
    int blockStart = commentStart(source);
    int blockEnd = spanEnd(source);
    int sourceIndent = column(source.getKeyNode());
    String block = text.substring(blockStart, blockEnd);
    List<String> targetParent = parent(to);
    NodeTuple parentTuple = targetParent.isEmpty() ? null : find(targetParent);
    if (parentTuple != null) {
      if (!inBlockMaps(targetParent)) {
        return Outcome.UNSUPPORTED;
      }
      return moveUnder(parentTuple, blockStart, blockEnd, block, sourceIndent);
    }
    int existing = targetParent.size();
    while (existing > 0 && find(targetParent.subList(0, existing)) == null) {
      existing--;
    }
    if (!targetParent.subList(0, existing).equals(parent(from))) {
      return Outcome.UNSUPPORTED;
    }
    int step = step(from);
    StringBuilder created = new StringBuilder();
    List<String> missing = targetParent.subList(existing, targetParent.size());
    for (int i = 0; i < missing.size(); i++) {
      created
          .append(" ".repeat(sourceIndent + i * step))
          .append(missing.get(i))
          .append(':')
          .append(lineBreak());
    }
    created.append(reindent(block, missing.size() * step));
    return splice(blockStart, blockEnd, created.toString());
  }

  private Outcome moveUnder(
      NodeTuple parentTuple, int blockStart, int blockEnd, String block, int sourceIndent) {
    Node value = parentTuple.getValueNode();
    int insertAt;
    int childIndent;
    if (value instanceof MappingNode m
        && m.getFlowStyle() != FlowStyle.FLOW
        && !m.getValue().isEmpty()) {
      childIndent = column(m.getValue().get(0).getKeyNode());
      insertAt = spanEnd(parentTuple);
    } else if (value instanceof ScalarNode s
        && isNull(s)
        && s.getValue().isEmpty()
        && startsItsLine(parentTuple)) {
      childIndent = column(parentTuple.getKeyNode()) + DEFAULT_STEP;
      insertAt = lineEnd(offset(parentTuple.getKeyNode().getStartMark()));
    } else {
      return Outcome.UNSUPPORTED;
    }
    String moved = reindent(block, childIndent - sourceIndent);
    if (insertAt >= blockEnd) {
      text =
          text.substring(0, blockStart)
              + text.substring(blockEnd, insertAt)
              + withLineBreak(
                  text.substring(0, insertAt), moved, insertAt < text.length(), lineBreak())
              + text.substring(insertAt);
    } else if (insertAt <= blockStart) {
      text =
          text.substring(0, insertAt)
              + withLineBreak(text.substring(0, insertAt), moved, true, lineBreak())
              + text.substring(insertAt, blockStart)
              + text.substring(blockEnd);
    } else {
      return Outcome.UNSUPPORTED;
    }
    reparse();
    return Outcome.DONE;
  }

  /** A block starts and (when text follows) ends on a line of its own. */
  private static String withLineBreak(
      String before, String block, boolean followed, String lineBreak) {
    String b = followed && !block.endsWith("\n") ? block + lineBreak : block;
    return before.isEmpty() || before.endsWith("\n") ? b : lineBreak + b;
  }

  /** The file's own line break, so that a CRLF file stays CRLF. */
  private String lineBreak() {
    return text.contains("\r\n") ? "\r\n" : "\n";
  }

  /** Renames the last key of a path in place. */
  Outcome renameKey(List<String> keys, String newName) {
    NodeTuple t = find(keys);
    if (t == null) {
      return Outcome.ABSENT;
    }
    if (find(append(parent(keys), newName)) != null) {
      return Outcome.CONFLICT;
    }
    Node key = t.getKeyNode();
    int start = offset(key.getStartMark());
    int end = offset(key.getEndMark());
    String old = text.substring(start, end);
    boolean quoted = old.startsWith("\"") || old.startsWith("'");
    return splice(start, end, quoted ? old.charAt(0) + newName + old.charAt(0) : newName);
  }

  /** Puts a non-null scalar under a new child key: {@code k: v} becomes {@code k:\n child: v}. */
  Outcome wrap(List<String> keys, String child) {
    NodeTuple t = find(keys);
    if (t == null || !(t.getValueNode() instanceof ScalarNode s) || isNull(s)) {
      return Outcome.ABSENT;
    }
    if (!inBlockMaps(keys)) {
      return Outcome.UNSUPPORTED;
    }
    int step = step(keys);
    int keyEnd = offset(t.getKeyNode().getEndMark());
    int colon = text.indexOf(':', keyEnd);
    int valueStart = offset(s.getStartMark());
    int end = spanEnd(t);
    String value = text.substring(valueStart, end);
    int firstBreak = value.indexOf('\n');
    String continued =
        firstBreak < 0 || firstBreak == value.length() - 1
            ? value
            : value.substring(0, firstBreak + 1) + reindent(value.substring(firstBreak + 1), step);
    String head = lineBreak() + " ".repeat(column(t.getKeyNode()) + step) + child + ": ";
    return splice(colon + 1, end, head + continued);
  }

  /**
   * Removes a key with its value and the comment lines directly above it. A parent map left empty
   * is removed too, as Helm reads an empty key as null, which would drop the defaults.
   */
  Outcome remove(List<String> keys) {
    NodeTuple t = find(keys);
    if (t == null) {
      return Outcome.ABSENT;
    }
    if (!inBlockMaps(keys)) {
      return Outcome.UNSUPPORTED;
    }
    List<String> parent = parent(keys);
    if (!parent.isEmpty()
        && find(parent).getValueNode() instanceof MappingNode m
        && m.getValue().size() == 1) {
      return remove(parent);
    }
    int start = commentStart(t);
    int end = spanEnd(t);
    // A key set off by blank lines on both sides leaves one blank line, not two.
    if (start > 0
        && isBlankLine(lineStart(start - 1))
        && (end == text.length() || isBlankLine(end))) {
      start = lineStart(start - 1);
    }
    return splice(start, end, "");
  }

  private boolean isBlankLine(int lineStart) {
    return text.substring(lineStart, lineEnd(lineStart)).isBlank();
  }

  private Outcome splice(int start, int end, String replacement) {
    text = text.substring(0, start) + replacement + text.substring(end);
    reparse();
    return Outcome.DONE;
  }

  private void reparse() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
    String yaml = text.endsWith("\n") ? text : text + "\n";
    Composer composer =
        new Composer(new ParserImpl(new StreamReader(yaml), options), RESOLVER, options);
    Node node = composer.checkNode() ? composer.getNode() : null;
    root = node instanceof MappingNode m ? m : null;
  }

  private NodeTuple find(List<String> keys) {
    MappingNode map = root;
    NodeTuple found = null;
    for (String key : keys) {
      if (map == null) {
        return null;
      }
      found = null;
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          found = t;
        }
      }
      if (found == null) {
        return null;
      }
      map = found.getValueNode() instanceof MappingNode m ? m : null;
    }
    return found;
  }

  private static boolean isNull(ScalarNode s) {
    return s.getTag().equals(Tag.NULL);
  }

  /** Whether only spaces precede the key on its line (a block map entry). */
  private boolean startsItsLine(NodeTuple t) {
    int key = offset(t.getKeyNode().getStartMark());
    int start = lineStart(key);
    return text.substring(start, key).isBlank();
  }

  /** Whether every map on the way to the key path is in block style. */
  private boolean inBlockMaps(List<String> keys) {
    for (int i = 0; i < keys.size(); i++) {
      NodeTuple t = find(keys.subList(0, i + 1));
      if (t == null || !startsItsLine(t)) {
        return false;
      }
    }
    return true;
  }

  /** The indentation step of the file around a key: its parent's child indent minus its own. */
  private int step(List<String> keys) {
    if (keys.size() > 1) {
      NodeTuple parent = find(parent(keys));
      NodeTuple self = find(keys);
      int step = column(self.getKeyNode()) - column(parent.getKeyNode());
      if (step > 0) {
        return step;
      }
    }
    for (NodeTuple t : root.getValue()) {
      if (t.getValueNode() instanceof MappingNode m
          && m.getFlowStyle() != FlowStyle.FLOW
          && !m.getValue().isEmpty()) {
        int step = column(m.getValue().get(0).getKeyNode()) - column(t.getKeyNode());
        if (step > 0) {
          return step;
        }
      }
    }
    return DEFAULT_STEP;
  }

  /** Where the comment lines directly above a key, at its indentation, begin. */
  private int commentStart(NodeTuple t) {
    int keyLine = lineStart(offset(t.getKeyNode().getStartMark()));
    int indent = column(t.getKeyNode());
    int start = keyLine;
    while (start > 0) {
      int previous = lineStart(start - 1);
      String line = text.substring(previous, start - 1);
      if (!line.stripLeading().startsWith("#") || indentOf(line) != indent) {
        break;
      }
      start = previous;
    }
    return start;
  }

  /** The end of an entry's last line, line break included; trailing blank lines excluded. */
  private int spanEnd(NodeTuple t) {
    int end = offset(lastEnd(t.getValueNode()));
    if (end > text.length()) {
      end = text.length();
    }
    int lineStart = lineStart(end);
    if (end > 0 && lineStart == end) {
      // A block scalar ends after its line breaks: back off over blank lines it does not keep.
      while (end > 0) {
        int previous = lineStart(end - 1);
        if (!text.substring(previous, end).isBlank()
            || previous <= offset(t.getKeyNode().getStartMark())) {
          break;
        }
        end = previous;
      }
      return end;
    }
    return lineEnd(end);
  }

  private static Mark lastEnd(Node node) {
    if (node instanceof MappingNode m
        && m.getFlowStyle() != FlowStyle.FLOW
        && !m.getValue().isEmpty()) {
      return lastEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
    }
    if (node instanceof SequenceNode s
        && s.getFlowStyle() != FlowStyle.FLOW
        && !s.getValue().isEmpty()) {
      return lastEnd(s.getValue().get(s.getValue().size() - 1));
    }
    return node.getEndMark();
  }

  /** Shifts every non-blank line by {@code delta} columns (negative: only leading spaces). */
  private static String reindent(String block, int delta) {
    StringBuilder b = new StringBuilder();
    for (String line : block.split("(?<=\n)", -1)) {
      if (line.isBlank() || delta == 0) {
        b.append(line);
      } else if (delta > 0) {
        b.append(" ".repeat(delta)).append(line);
      } else {
        b.append(line.substring(Math.min(-delta, indentOf(line))));
      }
    }
    return b.toString();
  }

  private int column(Node node) {
    int at = offset(node.getStartMark());
    return at - lineStart(at);
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private int lineStart(int offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  private int lineEnd(int offset) {
    int nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length() : nl + 1;
  }

  /** SnakeYAML counts code points; Java strings count UTF-16 units. */
  private int offset(Mark mark) {
    int cp = mark.getIndex();
    int max = text.codePointCount(0, text.length());
    return cp >= max ? text.length() : text.offsetByCodePoints(0, cp);
  }

  private static List<String> parent(List<String> keys) {
    return keys.subList(0, keys.size() - 1);
  }

  private static List<String> append(List<String> keys, String key) {
    List<String> out = new ArrayList<>(keys);
    out.add(key);
    return out;
  }
}
