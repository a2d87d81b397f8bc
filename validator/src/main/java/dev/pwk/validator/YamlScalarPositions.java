package dev.pwk.validator;

import java.util.List;
import java.util.Optional;

/**
 * Maps positions in a string value onto the YAML file it was written in, for the two forms whose
 * characters stand in the file as they are: a literal block scalar ({@code |}), whose lines are the
 * value's lines indented, and a one-line plain or quoted scalar without escapes. The mapping is
 * checked against the file's text first; anything else (a folded scalar, escapes, a line that does
 * not match) gets no mapping, and findings go to the value's own position.
 */
final class YamlScalarPositions {
  private YamlScalarPositions() {}

  /**
   * The mapping for a string value that starts at {@code line}:{@code column} of the file (at its
   * block indicator or opening quote).
   */
  static TemplateSite.PositionMap of(String fileText, int line, int column, String value) {
    List<String> lines = fileText.lines().toList();
    if (line < 1 || line > lines.size() || column < 1) {
      return TemplateSite.PositionMap.none();
    }
    String first = lines.get(line - 1);
    if (column > first.length()) {
      return TemplateSite.PositionMap.none();
    }
    char indicator = first.charAt(column - 1);
    if (indicator == '|') {
      return literal(lines, line, value);
    }
    if (indicator == '>' || value.contains("\n") || value.contains("\r")) {
      return TemplateSite.PositionMap.none();
    }
    int start = indicator == '\'' || indicator == '"' ? column : column - 1;
    if (!first.startsWith(value, start)) {
      return TemplateSite.PositionMap.none();
    }
    return p ->
        p.line() == 1
            ? Optional.of(new JsonText.Position(line, start + p.column()))
            : Optional.empty();
  }

  /** A literal block: value line i is file line {@code line + i}, after the block's indentation. */
  private static TemplateSite.PositionMap literal(List<String> lines, int line, String value) {
    int indent = -1;
    for (int i = line; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.isBlank()) {
        indent = l.length() - l.stripLeading().length();
        break;
      }
    }
    if (indent < 0) {
      return TemplateSite.PositionMap.none();
    }
    String[] valueLines = value.split("\n", -1);
    for (int i = 0; i < valueLines.length; i++) {
      boolean last = i == valueLines.length - 1;
      if (valueLines[i].isEmpty()) {
        if (last || line + i >= lines.size() || lines.get(line + i).isBlank()) {
          continue;
        }
        return TemplateSite.PositionMap.none();
      }
      if (line + i >= lines.size()
          || !lines.get(line + i).equals(" ".repeat(indent) + valueLines[i])) {
        return TemplateSite.PositionMap.none();
      }
    }
    int contentIndent = indent;
    return p -> Optional.of(new JsonText.Position(line + p.line(), contentIndent + p.column()));
  }
}
