package dev.pwk.validator;

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
  static TemplateSite.PositionMap of(Lines lines, int line, int column, String value) {
    if (line < 1 || line > lines.size() || column < 1) {
      return TemplateSite.PositionMap.none();
    }
    if (column > lines.length(line - 1)) {
      return TemplateSite.PositionMap.none();
    }
    char indicator = lines.charAt(line - 1, column - 1);
    if (indicator == '|') {
      return literal(lines, line, value);
    }
    if (indicator == '>' || value.contains("\n") || value.contains("\r")) {
      return TemplateSite.PositionMap.none();
    }
    int start = indicator == '\'' || indicator == '"' ? column : column - 1;
    if (!lines.get(line - 1).startsWith(value, start)) {
      return TemplateSite.PositionMap.none();
    }
    return p ->
        p.line() == 1
            ? Optional.of(new JsonText.Position(line, start + p.column()))
            : Optional.empty();
  }

  /** A literal block: value line i is file line {@code line + i}, after the block's indentation. */
  private static TemplateSite.PositionMap literal(Lines lines, int line, String value) {
    int indent = -1;
    for (int i = line; i < lines.size(); i++) {
      if (!lines.isBlank(i)) {
        indent = lines.indent(i);
        break;
      }
    }
    if (indent < 0) {
      return TemplateSite.PositionMap.none();
    }
    int from = 0;
    for (int i = 0; ; i++) {
      int newline = value.indexOf('\n', from);
      boolean last = newline < 0;
      int to = last ? value.length() : newline;
      if (from == to) {
        if (!last && line + i < lines.size() && !lines.isBlank(line + i)) {
          return TemplateSite.PositionMap.none();
        }
      } else if (line + i >= lines.size() || !lines.isIndented(line + i, indent, value, from, to)) {
        return TemplateSite.PositionMap.none();
      }
      if (last) {
        break;
      }
      from = newline + 1;
    }
    int contentIndent = indent;
    return p -> Optional.of(new JsonText.Position(line + p.line(), contentIndent + p.column()));
  }
}
