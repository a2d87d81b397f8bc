package dev.pwk.docs;

import dev.pwk.docs.DocsException.Input;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed README template: Markdown text with the Go-template actions that helm-docs templates use
 * without Sprig functions: <code>{{ template "NAME" . }}</code>, <code>{{ define "NAME" }}</code>
 * ... <code>{{ end }}</code>, <code>{{ if .Field }}</code> or <code>{{ if not .Field }}</code> ...
 * <code>{{ else }}</code> ... <code>{{ end }}</code>, <code>{{ .Field }}</code> for a field of
 * {@link ChartField}, and comments. The trim markers <code>{{- </code> and <code> -}}</code> remove
 * the white space (spaces, tabs and new lines) before or after an action, as in Go.
 *
 * <p>As in helm-docs, a template defined in the README template replaces the built-in template of
 * the same name, also where other built-in templates call it.
 */
final class Template {
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";
  private static final String NAME = "(\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`]*`)";
  private static final String SPACE = "[\\t\\n\\r ]+";
  private static final Pattern CALL = Pattern.compile("template" + SPACE + NAME + SPACE + "\\.");
  private static final Pattern DEFINE = Pattern.compile("define" + SPACE + NAME);
  private static final Pattern IF = Pattern.compile("if" + SPACE + "(not" + SPACE + ")?\\.(\\w+)");
  private static final Pattern FIELD = Pattern.compile("\\.(\\w+)");
  private static final String SUPPORTED =
      "only {{ template \"NAME\" . }}, {{ define \"NAME\" }}, {{ if .Field }},"
          + " {{ if not .Field }}, {{ else }}, {{ end }} and {{ .Field }} are supported";

  /** Go's limit is 100000; a template that nests this deep calls itself without end. */
  private static final int MAX_DEPTH = 1000;

  /** A part of a template body. */
  private sealed interface Node permits Text, Call, Print, If {}

  private record Text(String text) implements Node {}

  private record Call(String name, int line) implements Node {}

  private record Print(ChartField field) implements Node {}

  private record If(ChartField field, boolean negated, List<Node> then, List<Node> otherwise)
      implements Node {}

  /** An action that opened a block: {@code if} or {@code define}, with what it holds so far. */
  private static final class Block {
    final int line;
    final String defineName;
    final ChartField field;
    final boolean negated;
    final List<Node> then = new ArrayList<>();
    List<Node> otherwise;

    Block(int line, String defineName, ChartField field, boolean negated) {
      this.line = line;
      this.defineName = defineName;
      this.field = field;
      this.negated = negated;
    }

    List<Node> current() {
      return otherwise == null ? then : otherwise;
    }
  }

  private final List<Node> body;
  private final Map<String, List<Node>> defines;

  private Template(List<Node> body, Map<String, List<Node>> defines) {
    this.body = body;
    this.defines = defines;
  }

  /**
   * Parses a template and checks that every called template exists.
   *
   * @throws DocsException for an unsupported action, an unclosed one or an unknown template
   */
  static Template parse(String source) throws DocsException {
    Deque<Block> open = new ArrayDeque<>();
    List<Node> root = new ArrayList<>();
    Map<String, List<Node>> defines = new HashMap<>();
    List<Call> calls = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean trimLeading = false;
    int pos = 0;
    while (true) {
      List<Node> target = open.isEmpty() ? root : open.peek().current();
      int openAt = source.indexOf(OPEN, pos);
      // Go trims only the text between two actions, never across a comment.
      int chunkStart = text.length();
      String chunk = source.substring(pos, openAt < 0 ? source.length() : openAt);
      text.append(trimLeading ? stripLeading(chunk) : chunk);
      if (openAt < 0) {
        flush(target, text);
        break;
      }
      int line = lineOf(source, openAt);
      int bodyStart = openAt + OPEN.length();
      if (hasTrimMarker(source, bodyStart)) {
        bodyStart += 2;
        trimTrailing(text, chunkStart);
      }
      int close;
      if (source.startsWith("/*", bodyStart)) {
        int end = source.indexOf("*/", bodyStart + 2);
        if (end < 0) {
          throw new DocsException(Input.TEMPLATE, line, "unclosed comment");
        }
        close = end + 2;
        trimLeading =
            close + 1 < source.length()
                && isSpace(source.charAt(close))
                && source.startsWith("-" + CLOSE, close + 1);
        if (trimLeading) {
          close += 2;
        }
        if (!source.startsWith(CLOSE, close)) {
          throw new DocsException(Input.TEMPLATE, line, "comment ends before closing delimiter");
        }
      } else {
        close = findClose(source, bodyStart);
        if (close < 0) {
          throw new DocsException(Input.TEMPLATE, line, "unclosed action");
        }
        String action = source.substring(bodyStart, close);
        trimLeading =
            action.length() >= 2
                && action.endsWith("-")
                && isSpace(action.charAt(action.length() - 2));
        if (trimLeading) {
          action = action.substring(0, action.length() - 2);
        }
        flush(target, text);
        action(action.strip(), line, open, root, defines, calls);
      }
      pos = close + CLOSE.length();
    }
    if (!open.isEmpty()) {
      Block b = open.peek();
      throw new DocsException(
          Input.TEMPLATE,
          b.line,
          (b.defineName == null ? "{{ if }}" : "{{ define \"" + b.defineName + "\" }}")
              + " has no {{ end }}");
    }
    for (Call call : calls) {
      if (call.name().equals(HelmDocsTemplates.ROW_DEFAULT_TEMPLATE)) {
        throw new DocsException(
            Input.TEMPLATE,
            call.line(),
            "\""
                + call.name()
                + "\" renders one row of chart.valuesTableHtml; a template cannot call it");
      }
      if (!defines.containsKey(call.name()) && !HelmDocsTemplates.exists(call.name())) {
        throw new DocsException(
            Input.TEMPLATE, call.line(), "unknown template \"" + call.name() + "\"");
      }
    }
    return new Template(List.copyOf(root), Map.copyOf(defines));
  }

  /** Adds one action to the innermost open block, or to {@code root}. */
  private static void action(
      String action,
      int line,
      Deque<Block> open,
      List<Node> root,
      Map<String, List<Node>> defines,
      List<Call> calls)
      throws DocsException {
    List<Node> target = open.isEmpty() ? root : open.peek().current();
    Matcher m;
    if ((m = CALL.matcher(action)).matches()) {
      Call call = new Call(name(m.group(1)), line);
      calls.add(call);
      target.add(call);
    } else if ((m = DEFINE.matcher(action)).matches()) {
      if (!open.isEmpty()) {
        throw new DocsException(Input.TEMPLATE, line, "{{ define }} inside another block");
      }
      String name = name(m.group(1));
      if (defines.containsKey(name)) {
        throw new DocsException(Input.TEMPLATE, line, "template \"" + name + "\" is defined twice");
      }
      if (name.equals(HelmDocsTemplates.ROW_DEFAULT_TEMPLATE)) {
        throw new DocsException(
            Input.TEMPLATE, line, "redefining \"" + name + "\" is not supported");
      }
      open.push(new Block(line, name, null, false));
    } else if ((m = IF.matcher(action)).matches()) {
      open.push(new Block(line, null, field(m.group(2), action, line), m.group(1) != null));
    } else if (action.equals("else")) {
      Block b = open.peek();
      if (b == null || b.defineName != null) {
        throw new DocsException(Input.TEMPLATE, line, "{{ else }} outside {{ if }}");
      }
      if (b.otherwise != null) {
        throw new DocsException(Input.TEMPLATE, line, "a second {{ else }} in one {{ if }}");
      }
      b.otherwise = new ArrayList<>();
    } else if (action.equals("end")) {
      Block b = open.poll();
      if (b == null) {
        throw new DocsException(Input.TEMPLATE, line, "{{ end }} without {{ if }} or {{ define }}");
      }
      if (b.defineName != null) {
        defines.put(b.defineName, List.copyOf(b.then));
      } else {
        (open.isEmpty() ? root : open.peek().current())
            .add(
                new If(
                    b.field,
                    b.negated,
                    List.copyOf(b.then),
                    b.otherwise == null ? List.of() : List.copyOf(b.otherwise)));
      }
    } else if ((m = FIELD.matcher(action)).matches()) {
      ChartField field = field(m.group(1), action, line);
      if (!field.printable()) {
        throw unsupported(action, line);
      }
      target.add(new Print(field));
    } else {
      throw unsupported(action, line);
    }
  }

  private static ChartField field(String name, String action, int line) throws DocsException {
    ChartField field = ChartField.named(name);
    if (field == null) {
      throw unsupported(action, line);
    }
    return field;
  }

  private static DocsException unsupported(String action, int line) {
    return new DocsException(
        Input.TEMPLATE, line, "unsupported action {{" + action + "}}: " + SUPPORTED);
  }

  private static String name(String literal) {
    String name = literal.substring(1, literal.length() - 1);
    return literal.charAt(0) == '"' ? name.replaceAll("\\\\(.)", "$1") : name;
  }

  /**
   * Runs the template; the named templates must exist, which {@link #parse} checked.
   *
   * @throws DocsException when templates call each other without end
   */
  String execute(HelmDocsTemplates.Data data) throws DocsException {
    Run run = new Run(data);
    try {
      return run.nodes(body);
    } catch (Run.TooDeep e) {
      throw new DocsException(
          Input.TEMPLATE,
          e.line,
          "template \""
              + e.name
              + "\" calls itself without end (more than "
              + MAX_DEPTH
              + " deep)");
    }
  }

  /** One execution: what the templates see, and the depth of template calls. */
  private final class Run implements HelmDocsTemplates.Context {
    private final HelmDocsTemplates.Data data;
    private int depth;
    private int line = -1;

    Run(HelmDocsTemplates.Data data) {
      this.data = data;
    }

    @Override
    public HelmDocsTemplates.Data data() {
      return data;
    }

    @Override
    public String template(String name) {
      if (++depth > MAX_DEPTH) {
        throw new TooDeep(name, line);
      }
      try {
        List<Node> defined = defines.get(name);
        return defined != null ? nodes(defined) : HelmDocsTemplates.render(name, this);
      } finally {
        depth--;
      }
    }

    String nodes(List<Node> nodes) {
      StringBuilder out = new StringBuilder();
      for (Node n : nodes) {
        if (n instanceof Text t) {
          out.append(t.text());
        } else if (n instanceof Call c) {
          int outer = line;
          line = c.line();
          out.append(template(c.name()));
          line = outer;
        } else if (n instanceof Print p) {
          out.append(p.field().text(data));
        } else if (n instanceof If i) {
          out.append(nodes(i.field().truth(data) != i.negated() ? i.then() : i.otherwise()));
        }
      }
      return out.toString();
    }

    /** Unwinds a call chain that went too deep, to be reported at the line of its last call. */
    private static final class TooDeep extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final String name;
      final int line;

      TooDeep(String name, int line) {
        super(null, null, false, false);
        this.name = name;
        this.line = line;
      }
    }
  }

  /** The index of the closing delimiter, skipping string literals, or -1. */
  private static int findClose(String s, int from) {
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (s.startsWith(CLOSE, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasTrimMarker(String s, int at) {
    return at + 1 < s.length() && s.charAt(at) == '-' && isSpace(s.charAt(at + 1));
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  private static void trimTrailing(StringBuilder b, int from) {
    int end = b.length();
    while (end > from && isSpace(b.charAt(end - 1))) {
      end--;
    }
    b.setLength(end);
  }

  private static void flush(List<Node> target, StringBuilder text) {
    if (text.length() > 0) {
      target.add(new Text(text.toString()));
      text.setLength(0);
    }
  }

  private static int lineOf(String s, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
