package dev.pwk.docs;

import dev.pwk.docs.DocsException.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed README template: Markdown text with Go-template actions, of which only calls of the form
 * <code>{{ template "NAME" . }}</code> and Go-template comments are supported. The trim markers
 * <code>{{- </code> and <code> -}}</code> remove the white space (spaces, tabs and new lines)
 * before or after an action, as in Go.
 */
final class Template {
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";
  private static final Pattern CALL =
      Pattern.compile("template[\\t\\n\\r ]+(\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`]*`)[\\t\\n\\r ]+\\.");

  /** Literal text, or a call of a named template (text is then the name). */
  private record Part(boolean call, String text) {}

  private final List<Part> parts;

  private Template(List<Part> parts) {
    this.parts = parts;
  }

  /**
   * Parses a template and checks that every called template exists.
   *
   * @throws DocsException for an unsupported action, an unclosed one or an unknown template
   */
  static Template parse(String source) throws DocsException {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    boolean trimLeading = false;
    int pos = 0;
    while (true) {
      int open = source.indexOf(OPEN, pos);
      // Go trims only the text between two actions, never across a comment.
      int chunkStart = text.length();
      String chunk = source.substring(pos, open < 0 ? source.length() : open);
      text.append(trimLeading ? stripLeading(chunk) : chunk);
      if (open < 0) {
        break;
      }
      int line = lineOf(source, open);
      int bodyStart = open + OPEN.length();
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
        String body = source.substring(bodyStart, close);
        trimLeading =
            body.length() >= 2 && body.endsWith("-") && isSpace(body.charAt(body.length() - 2));
        if (trimLeading) {
          body = body.substring(0, body.length() - 2);
        }
        String name = calledName(body.strip(), line);
        flush(parts, text);
        parts.add(new Part(true, name));
      }
      pos = close + CLOSE.length();
    }
    flush(parts, text);
    return new Template(List.copyOf(parts));
  }

  /** Runs the template; the named templates must exist, which {@link #parse} checked. */
  String execute(HelmDocsTemplates.Data data) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      out.append(p.call() ? HelmDocsTemplates.render(p.text(), data) : p.text());
    }
    return out.toString();
  }

  private static String calledName(String body, int line) throws DocsException {
    Matcher m = CALL.matcher(body);
    if (!m.matches()) {
      throw new DocsException(
          Input.TEMPLATE,
          line,
          "unsupported action {{" + body + "}}: only {{ template \"NAME\" . }} is supported");
    }
    String literal = m.group(1);
    String name = literal.substring(1, literal.length() - 1);
    if (literal.charAt(0) == '"') {
      name = name.replaceAll("\\\\(.)", "$1");
    }
    if (!HelmDocsTemplates.exists(name)) {
      throw new DocsException(Input.TEMPLATE, line, "unknown template \"" + name + "\"");
    }
    return name;
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

  private static void flush(List<Part> parts, StringBuilder text) {
    if (text.length() > 0) {
      parts.add(new Part(false, text.toString()));
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
