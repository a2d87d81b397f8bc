package dev.pwk.validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Python's {@code shlex.split} in POSIX mode, which Prefect's Kubernetes worker applies to a
 * command given as one string: whitespace separates words, single quotes keep everything, double
 * quotes keep everything but backslash escapes of {@code \ " $ `} and newline.
 */
final class Shlex {
  private Shlex() {}

  /** The words, or empty when a quote is not closed or the text ends in a lone backslash. */
  static Optional<List<String>> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\'
            && i + 1 < text.length()
            && "\\\"$`\n".indexOf(text.charAt(i + 1)) >= 0) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\') {
          if (i + 1 >= text.length()) {
            return Optional.empty();
          }
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      }
    }
    if (quote != 0) {
      return Optional.empty();
    }
    if (inWord) {
      words.add(word.toString());
    }
    return Optional.of(words);
  }
}
