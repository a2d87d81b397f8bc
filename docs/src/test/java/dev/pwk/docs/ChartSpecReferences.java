package dev.pwk.docs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The section-sign references that source comments make to {@code docs/chart-spec.md}: each must
 * name the document and one of its numbered sections, so that a reader can follow it.
 */
final class ChartSpecReferences {
  static final String DOCUMENT = "docs/chart-spec.md";

  private static final Pattern HEADING =
      Pattern.compile("^#{2,} +(\\d+(?:\\.\\d+)*)\\.? ", Pattern.MULTILINE);
  // The section sign is written as an escape in this file and its test, so that the scan of the
  // sources does not take their patterns and examples for references.
  private static final Pattern REFERENCE =
      Pattern.compile(Pattern.quote(DOCUMENT) + " \u00a7(\\d+(?:\\.\\d+)*)");

  private ChartSpecReferences() {}

  /** The numbers of the spec's numbered headings ({@code ## 4. …} is 4, {@code ### 4.6 …} 4.6). */
  static Set<String> sections(String markdown) {
    Set<String> sections = new LinkedHashSet<>();
    Matcher m = HEADING.matcher(markdown);
    while (m.find()) {
      sections.add(m.group(1));
    }
    return sections;
  }

  /**
   * One line per problem in {@code source}, as {@code file:line: what}: a section sign not written
   * as {@code docs/chart-spec.md} and a section number, or a section the spec does not have.
   */
  static List<String> problems(String file, String source, Set<String> sections) {
    List<String> problems = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int signs = line.length() - line.replace("\u00a7", "").length();
      int references = 0;
      Matcher m = REFERENCE.matcher(line);
      while (m.find()) {
        references++;
        if (!sections.contains(m.group(1))) {
          problems.add(file + ":" + (i + 1) + ": " + DOCUMENT + " has no \u00a7" + m.group(1));
        }
      }
      if (signs > references) {
        problems.add(file + ":" + (i + 1) + ": a \u00a7 that does not name " + DOCUMENT);
      }
    }
    return problems;
  }
}
