package dev.pwk.cli.doc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tested shell sessions of a guide page. A fenced block preceded by {@code <!-- doc-test -->}
 * (or {@code <!-- doc-test: cluster -->} for commands that need a cluster) holds commands, each a
 * line {@code $ pwk ...} (continued on the next line after a trailing {@code \}), followed by what
 * the command prints on standard output and standard error together, and optionally by {@code #
 * exit N} (default 0). In the expected output a line {@code ...} stands for any number of lines,
 * and {@code ...} inside a line for any text, when the line does not match as written.
 *
 * <p>The cli's {@code GuideCommandsTest} runs the plain blocks; the integration tests' {@code
 * GuideClusterCommandsIT} runs the cluster blocks, through the cli's test jar.
 *
 * <p>Commands are split as a POSIX shell would split them; shell features the test cannot honour
 * (pipes, redirections, variables, globs, brace lists) are refused, so that every tested command
 * also works when pasted into a shell.
 */
public final class DocBlocks {
  private static final Pattern MARKER =
      Pattern.compile("<!--\\s*doc-test(?::\\s*([a-z-]+))?\\s*-->");
  private static final Pattern EXIT = Pattern.compile("# exit (\\d+)");
  static final String ELISION = "...";

  private DocBlocks() {}

  /**
   * One command of a block.
   *
   * @param line the 1-based line of the command in its page
   * @param text the command as written, without {@code $ }
   * @param args the arguments after {@code pwk}
   * @param expected the expected output lines
   * @param exitCode the expected exit code
   */
  public record Command(
      int line, String text, List<String> args, List<String> expected, int exitCode) {}

  /**
   * A tested block.
   *
   * @param page the page
   * @param line the 1-based line of the marker
   * @param kind empty, or the marker's qualifier such as {@code cluster}
   * @param commands the commands in order
   */
  public record Block(Path page, int line, String kind, List<Command> commands) {
    public String where() {
      return page.getFileName() + ":" + line;
    }
  }

  public static List<Block> parse(Path page) throws IOException {
    List<String> lines =
        Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n").lines().toList();
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i).strip());
      if (!m.matches()) {
        continue;
      }
      int markerLine = i + 1;
      int fence = i + 1;
      while (fence < lines.size() && lines.get(fence).isBlank()) {
        fence++;
      }
      if (fence >= lines.size() || !lines.get(fence).strip().startsWith("```")) {
        throw new IllegalStateException(
            page.getFileName()
                + ":"
                + markerLine
                + ": a doc-test marker must precede a fenced block");
      }
      int end = fence + 1;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      if (end >= lines.size()) {
        throw new IllegalStateException(
            page.getFileName() + ":" + (fence + 1) + ": unclosed fence");
      }
      String kind = m.group(1) == null ? "" : m.group(1);
      blocks.add(
          new Block(
              page, markerLine, kind, commands(page, lines.subList(fence + 1, end), fence + 2)));
      i = end;
    }
    return blocks;
  }

  private static List<Command> commands(Path page, List<String> body, int firstLine) {
    List<Command> commands = new ArrayList<>();
    int i = 0;
    while (i < body.size() && body.get(i).isBlank()) {
      i++;
    }
    while (i < body.size()) {
      int line = firstLine + i;
      String where = page.getFileName() + ":" + line;
      if (!body.get(i).startsWith("$ ")) {
        throw new IllegalStateException(where + ": expected a '$ pwk ...' command line");
      }
      StringBuilder text = new StringBuilder(body.get(i).substring(2));
      while (text.toString().endsWith("\\") && i + 1 < body.size()) {
        text.setLength(text.length() - 1);
        text.append(' ').append(body.get(++i).strip());
      }
      i++;
      List<String> expected = new ArrayList<>();
      while (i < body.size() && !body.get(i).startsWith("$ ")) {
        expected.add(body.get(i));
        i++;
      }
      trimTrailingBlank(expected);
      int exit = 0;
      if (!expected.isEmpty()) {
        Matcher m = EXIT.matcher(expected.get(expected.size() - 1).strip());
        if (m.matches()) {
          exit = Integer.parseInt(m.group(1));
          expected.remove(expected.size() - 1);
          trimTrailingBlank(expected);
        }
      }
      List<String> words = split(text.toString().strip(), where);
      if (words.isEmpty() || !words.get(0).equals("pwk")) {
        throw new IllegalStateException(
            where + ": only pwk commands can be tested; move '" + text + "' out of the block");
      }
      commands.add(
          new Command(
              line, text.toString().strip(), words.subList(1, words.size()), expected, exit));
    }
    return commands;
  }

  /** Splits a command line into words as a POSIX shell does, refusing what a test cannot run. */
  static List<String> split(String text, String where) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int braces = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        int close = text.indexOf('\'', i + 1);
        if (close < 0) {
          throw new IllegalStateException(where + ": unclosed ' in: " + text);
        }
        word = word == null ? new StringBuilder() : word;
        word.append(text, i + 1, close);
        i = close;
      } else if (c == '"') {
        word = word == null ? new StringBuilder() : word;
        int j = i + 1;
        for (; j < text.length() && text.charAt(j) != '"'; j++) {
          char d = text.charAt(j);
          if (d == '$' || d == '`') {
            throw new IllegalStateException(
                where + ": no shell expansion in tested commands: " + text);
          }
          if (d == '\\' && j + 1 < text.length() && "\"\\$`".indexOf(text.charAt(j + 1)) >= 0) {
            d = text.charAt(++j);
          }
          word.append(d);
        }
        if (j >= text.length()) {
          throw new IllegalStateException(where + ": unclosed \" in: " + text);
        }
        i = j;
      } else if (c == '\\' && i + 1 < text.length()) {
        word = word == null ? new StringBuilder() : word;
        word.append(text.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
        }
        word = null;
        braces = -1;
      } else if ("|&;<>()$`*?[]#~".indexOf(c) >= 0
          && !(c == '#' && word != null)
          && !(c == '~' && word != null)) {
        throw new IllegalStateException(
            where
                + ": quote '"
                + c
                + "' or leave it out; tested commands use no shell features: "
                + text);
      } else {
        if (c == '{') {
          braces = 0;
        } else if (c == ',' && braces == 0) {
          throw new IllegalStateException(where + ": a shell expands {a,b}; quote it: " + text);
        } else if (c == '}') {
          braces = -1;
        }
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * True when {@code actual} matches {@code expected}: line by line, trailing spaces ignored, where
   * an expected line {@code ...} matches any number of lines and {@code ...} inside a line any
   * text.
   */
  public static boolean matches(List<String> expected, List<String> actual) {
    return matches(strip(expected), 0, strip(actual), 0);
  }

  private static boolean matches(List<String> e, int i, List<String> a, int j) {
    if (i == e.size()) {
      return j == a.size();
    }
    if (e.get(i).strip().equals(ELISION)) {
      for (int k = j; k <= a.size(); k++) {
        if (matches(e, i + 1, a, k)) {
          return true;
        }
      }
      return false;
    }
    return j < a.size() && lineMatches(e.get(i), a.get(j)) && matches(e, i + 1, a, j + 1);
  }

  static boolean lineMatches(String expected, String actual) {
    if (expected.equals(actual)) {
      return true;
    }
    if (!expected.contains(ELISION)) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    for (String part : expected.split(Pattern.quote(ELISION), -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return actual.matches(regex.toString());
  }

  private static List<String> strip(List<String> lines) {
    List<String> out = new ArrayList<>();
    lines.forEach(l -> out.add(l.stripTrailing()));
    trimTrailingBlank(out);
    return out;
  }

  private static void trimTrailingBlank(List<String> lines) {
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
  }
}
