package dev.pwk.docs;

import dev.pwk.docs.DocsException.Input;
import dev.pwk.docs.ValuesTree.CommentLine;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The helm-docs reading of the comment block above a key (its {@code ParseComment}): only the last
 * group starting with {@code # --} counts; the following comment lines are joined with single
 * spaces (with new lines after {@code @raw}); a leading {@code (type)} overrides the type and
 * {@code # @default -- text} the default. A description that holds another {@code --} reads to
 * helm-docs as the old {@code # key.path -- text} style, naming a key, and so documents nothing.
 *
 * <p>The patterns are helm-docs' own, with Go's meaning of {@code \s} and {@code .}.
 */
final class ValueComment {
  private static final String PREFIX = "# --";
  private static final String S = "[\\t\\n\\f\\r ]";
  private static final Pattern DESCRIPTION =
      Pattern.compile("^" + S + "*#" + S + "*(.*)" + S + "+--" + S + "*(.*)$", Pattern.DOTALL);
  private static final Pattern RAW = Pattern.compile("^" + S + "*#" + S + "+@raw");
  private static final Pattern CONTINUATION =
      Pattern.compile("^" + S + "*#(" + S + "?)(.*)$", Pattern.DOTALL);
  private static final Pattern DEFAULT =
      Pattern.compile("^" + S + "*# @default -- (.*)$", Pattern.DOTALL);
  private static final Pattern TYPE =
      Pattern.compile("^\\((.*?)\\)" + S + "*(.*)$", Pattern.DOTALL);
  private static final Pattern NOTATION_TYPE =
      Pattern.compile("^" + S + "*#" + S + "+@notationType" + S + "+--" + S + "+(.*)$");
  private static final Pattern SECTION = Pattern.compile("^" + S + "*# @section -- (.*)$");

  /** No documentation. */
  static final ValueComment NONE = new ValueComment("", "", "");

  private final String description;
  private final String type;
  private final String defaultValue;

  private ValueComment(String description, String type, String defaultValue) {
    this.description = description;
    this.type = type;
    this.defaultValue = defaultValue;
  }

  /** The description; empty when the key is not documented. */
  String description() {
    return description;
  }

  /** The type given as {@code (type)}, or empty. */
  String type() {
    return type;
  }

  /** The default given with {@code @default}, shown as written, or empty. */
  String defaultValue() {
    return defaultValue;
  }

  /** True when the block documents its key, which then gets a row of its own. */
  boolean documented() {
    return !description.isEmpty();
  }

  /** Reads a comment block; lines are given from their {@code #}. */
  static ValueComment parse(List<CommentLine> block) throws DocsException {
    boolean hasPrefix = false;
    for (CommentLine line : block) {
      hasPrefix |= line.text().contains(PREFIX);
    }
    return hasPrefix ? parseGroup(block) : NONE;
  }

  private static ValueComment parseGroup(List<CommentLine> lines) throws DocsException {
    int last = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).text().startsWith(PREFIX)) {
        last = i;
      }
    }
    if (last > 0) {
      return parseGroup(lines.subList(last, lines.size()));
    }
    String key = "";
    String description = "";
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = DESCRIPTION.matcher(lines.get(i).text());
      if (m.matches()) {
        key = m.group(1);
        description = m.group(2);
        start = i;
        break;
      }
    }
    String type = "";
    Matcher typed = TYPE.matcher(description);
    if (typed.matches() && !typed.group(1).isEmpty()) {
      type = typed.group(1);
      description = typed.group(2);
    }
    String defaultValue = "";
    boolean raw = false;
    StringBuilder text = new StringBuilder(description);
    for (CommentLine line : lines.subList(start + 1, lines.size())) {
      String s = line.text();
      if (!raw && RAW.matcher(s).lookingAt()) {
        raw = true;
        continue;
      }
      Matcher d = DEFAULT.matcher(s);
      if (d.matches()) {
        defaultValue = d.group(1);
        continue;
      }
      if (NOTATION_TYPE.matcher(s).matches() || SECTION.matcher(s).matches()) {
        throw new DocsException(
            Input.VALUES,
            line.line(),
            "helm-docs @notationType and @section comments are not supported");
      }
      Matcher c = CONTINUATION.matcher(s);
      if (c.matches()) {
        text.append(raw ? "\n" : " ").append(c.group(2));
      }
    }
    if (!key.isEmpty()) {
      return NONE;
    }
    return new ValueComment(text.toString(), type, defaultValue);
  }
}
