package dev.pwk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code <!-- doc-test: cluster -->} blocks of a guide page, in the format the cli's
 * {@code dev.pwk.cli.doc.DocBlocks} documents (this module cannot use the cli's test classes):
 * {@code $ pwk ...} lines, a trailing {@code \} continuing a command, the expected output up to the
 * next command, an optional {@code # exit N}, and {@code ...} for elided lines or text.
 */
final class GuideSessions {
  private static final Pattern MARKER = Pattern.compile("<!--\\s*doc-test:\\s*cluster\\s*-->");
  private static final Pattern EXIT = Pattern.compile("# exit (\\d+)");
  private static final String ELISION = "...";

  private GuideSessions() {}

  /** One command of a cluster block. */
  record Command(
      Path page, int line, String text, List<String> args, List<String> expected, int exitCode) {}

  /** The commands of every cluster block of the page, in page order. */
  static List<Command> clusterCommands(Path page) throws IOException {
    List<String> lines =
        Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n").lines().toList();
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!MARKER.matcher(lines.get(i).strip()).matches()) {
        continue;
      }
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).strip().startsWith("```")) {
        j++;
      }
      int end = j + 1;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      parse(page, lines.subList(j + 1, Math.min(end, lines.size())), j + 2, commands);
      i = end;
    }
    return commands;
  }

  private static void parse(Path page, List<String> body, int firstLine, List<Command> out) {
    int i = 0;
    while (i < body.size()) {
      if (!body.get(i).startsWith("$ pwk ")) {
        i++;
        continue;
      }
      int line = firstLine + i;
      StringBuilder text = new StringBuilder(body.get(i).substring(2));
      while (text.toString().endsWith("\\") && i + 1 < body.size()) {
        text.setLength(text.length() - 1);
        text.append(' ').append(body.get(++i).strip());
      }
      i++;
      List<String> expected = new ArrayList<>();
      while (i < body.size() && !body.get(i).startsWith("$ ")) {
        expected.add(body.get(i).stripTrailing());
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
      List<String> words = split(text.toString().strip());
      out.add(
          new Command(
              page, line, text.toString().strip(), words.subList(1, words.size()), expected, exit));
    }
  }

  /** Splits a command line into words with shell quoting (the cli's test refuses the rest). */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int close = text.indexOf(c, i + 1);
        word = word == null ? new StringBuilder() : word;
        word.append(text, i + 1, close);
        i = close;
      } else if (c == '\\' && i + 1 < text.length()) {
        word = word == null ? new StringBuilder() : word;
        word.append(text.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
        }
        word = null;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** Line by line, trailing spaces ignored; {@code ...} matches lines, or text in a line. */
  static boolean matches(List<String> expected, List<String> actual) {
    List<String> a = new ArrayList<>();
    actual.forEach(l -> a.add(l.stripTrailing()));
    trimTrailingBlank(a);
    return matches(expected, 0, a, 0);
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

  private static boolean lineMatches(String expected, String actual) {
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

  private static void trimTrailingBlank(List<String> lines) {
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
  }
}
