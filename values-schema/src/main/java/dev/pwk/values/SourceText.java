package dev.pwk.values;

import java.util.List;
import java.util.Objects;

/**
 * The text of one input file, kept so that findings can show the offending line.
 *
 * @param name the file name as the user gave it
 * @param text the decoded file content
 */
public record SourceText(String name, String text) {

  public SourceText {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /** The 1-based line without its line terminator, or an empty string when out of range. */
  public String line(int number) {
    List<String> lines = text.lines().toList();
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }
}
