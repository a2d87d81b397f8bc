package dev.pwk.validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pwk.values.Finding;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints lint results in one of the {@link ReportFormat}s. Finding problems and printing them are
 * separate: rules produce {@link Finding}s, this class only formats them.
 *
 * <p>Every format masks the linted values' secrets (in messages and code frames) and escapes
 * control characters, so that no report shows a password or drives the terminal that prints it.
 */
public final class ReportWriter {
  /** Built on first use: the text format, the one pre-commit prints, needs no databind mapper. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  /** Where SARIF says to read about pwk, unless the caller names its own copy of pwk. */
  public static final String DEFAULT_INFORMATION_URI = "https://github.com/your-org/pwk";

  private final ReportFormat format;
  private final boolean color;
  private final String toolVersion;
  private final boolean strict;
  private final String informationUri;

  private ReportWriter(
      ReportFormat format,
      boolean color,
      String toolVersion,
      boolean strict,
      String informationUri) {
    this.format = format;
    this.color = color;
    this.toolVersion = toolVersion;
    this.strict = strict;
    this.informationUri = informationUri;
  }

  /**
   * A writer for {@code format}; {@code color} applies to the text format only, and {@code
   * toolVersion} is reported in SARIF.
   */
  public static ReportWriter of(ReportFormat format, boolean color, String toolVersion) {
    return new ReportWriter(format, color, toolVersion, false, DEFAULT_INFORMATION_URI);
  }

  /**
   * This writer for a run where warnings fail too ({@code --strict}): JUnit then counts a file with
   * warnings as failed, so that the report agrees with the exit code.
   */
  public ReportWriter strict(boolean strict) {
    return new ReportWriter(format, color, toolVersion, strict, informationUri);
  }

  /** This writer with the address SARIF gives as pwk's home ({@code informationUri}). */
  public ReportWriter informationUri(String uri) {
    return new ReportWriter(format, color, toolVersion, strict, uri);
  }

  /** The whole report for the given targets, ending with a newline. */
  public String write(List<LintTarget> targets) {
    return switch (format) {
      case TEXT -> text(targets);
      case JSON -> json(targets);
      case JUNIT -> junit(targets);
      case SARIF -> sarif(targets);
      case GITHUB -> github(targets);
    };
  }

  private String text(List<LintTarget> targets) {
    StringBuilder sb = new StringBuilder();
    for (LintTarget t : targets) {
      for (Finding f : t.findings()) {
        sb.append(headline(f, t)).append('\n');
        codeFrame(f, t).ifPresent(sb::append);
      }
    }
    sb.append(summary(targets)).append('\n');
    return sb.toString();
  }

  private String headline(Finding f, LintTarget t) {
    String where = ControlCharacters.escape(masked(f.where(), f, t), false);
    String word = f.severity().word();
    if (color) {
      String tint =
          switch (f.severity()) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case INFO -> CYAN;
          };
      where = where.isEmpty() ? "" : BOLD + where + RESET;
      word = tint + word + RESET;
    }
    return (where.isEmpty() ? "" : where + ": ")
        + word
        + ": "
        + message(f, t)
        + " ["
        + f.ruleId()
        + "]";
  }

  /** The message with the target's secrets masked and control characters escaped. */
  private static String message(Finding f, LintTarget t) {
    return ControlCharacters.escape(t.secrets().mask(f.message()), false);
  }

  /** A file name or value path with control characters escaped. */
  private static String name(String s) {
    return ControlCharacters.escape(s, false);
  }

  /**
   * A flag's description with the target's secrets masked (a flag may set an env variable's value
   * whose secret name is in a file) and control characters escaped.
   */
  private static String flag(Finding f, LintTarget t) {
    return ControlCharacters.escape(t.secrets().mask(f.file()), false);
  }

  /** A finding's place, masked when it names a flag. */
  private static String masked(String where, Finding f, LintTarget t) {
    return f.kind() == Finding.Kind.FLAG ? t.secrets().mask(where) : where;
  }

  private Optional<String> codeFrame(Finding f, LintTarget t) {
    if (f.line() < 1 || f.kind() != Finding.Kind.FILE) {
      return Optional.empty();
    }
    Optional<SourceText> source =
        t.sources().stream().filter(s -> s.name().equals(f.file())).findFirst();
    if (source.isEmpty()) {
      return Optional.empty();
    }
    String raw = source.get().line(f.line());
    String masked = t.secrets().mask(raw);
    String number = String.valueOf(f.line());
    String gutter = " ".repeat(number.length());
    StringBuilder sb = new StringBuilder();
    sb.append("  ").append(number).append(" | ");
    sb.append(ControlCharacters.escape(masked, true)).append('\n');
    if (f.column() >= 1) {
      // Columns count code points of the file's line; when masking changed the line, the caret
      // goes under the same column of the masked text (the key before a secret is unchanged).
      String line = masked;
      StringBuilder pad = new StringBuilder();
      int cps = 0;
      for (int i = 0; i < line.length() && cps < f.column() - 1; cps++) {
        int cp = line.codePointAt(i);
        if (cp == '\t') {
          pad.append('\t');
        } else if (Character.charCount(cp) == 1) {
          pad.append(" ".repeat(ControlCharacters.shown((char) cp, true).length()));
        } else {
          pad.append(' ');
        }
        i += Character.charCount(cp);
      }
      String caret = color ? BOLD + "^" + RESET : "^";
      sb.append("  ").append(gutter).append(" | ").append(pad).append(caret).append('\n');
    }
    return Optional.of(sb.toString());
  }

  /** One line, e.g. {@code 2 errors, 1 warning in 3 files}. */
  static String summary(List<LintTarget> targets) {
    long errors = targets.stream().mapToLong(t -> t.count(Severity.ERROR)).sum();
    long warnings = targets.stream().mapToLong(t -> t.count(Severity.WARNING)).sum();
    long infos = targets.stream().mapToLong(t -> t.count(Severity.INFO)).sum();
    String files = plural(targets.size(), "file");
    if (errors + warnings + infos == 0) {
      return "no problems in " + files;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(plural(errors, "error")).append(", ").append(plural(warnings, "warning"));
    if (infos > 0) {
      sb.append(", ").append(plural(infos, "note"));
    }
    return sb.append(" in ").append(files).toString();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private String json(List<LintTarget> targets) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("version", 1);
    ArrayNode files = root.putArray("files");
    for (LintTarget t : targets) {
      ObjectNode file = files.addObject();
      file.put("name", name(t.name()));
      ArrayNode list = file.putArray("findings");
      for (Finding f : t.findings()) {
        ObjectNode n = list.addObject();
        if (f.kind() == Finding.Kind.FILE) {
          n.put("file", name(f.file()));
        } else {
          n.putNull("file");
        }
        if (f.kind() == Finding.Kind.FLAG) {
          n.put("flag", flag(f, t));
        }
        putPosition(n, "line", f.line());
        putPosition(n, "column", f.column());
        n.put("path", name(f.path()));
        n.put("rule", f.ruleId());
        n.put("severity", f.severity().word());
        n.put("message", message(f, t));
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("files", targets.size());
    summary.put("errors", targets.stream().mapToLong(t -> t.count(Severity.ERROR)).sum());
    summary.put("warnings", targets.stream().mapToLong(t -> t.count(Severity.WARNING)).sum());
    summary.put("infos", targets.stream().mapToLong(t -> t.count(Severity.INFO)).sum());
    return toJson(root);
  }

  /** A 1-based line or column, or null when unknown. */
  private static void putPosition(ObjectNode n, String field, int value) {
    if (value > 0) {
      n.put(field, value);
    } else {
      n.putNull(field);
    }
  }

  /** Whether a finding fails the run: errors always, warnings under {@code --strict}. */
  private boolean fails(Finding f) {
    return f.severity() == Severity.ERROR || (strict && f.severity() == Severity.WARNING);
  }

  private String junit(List<LintTarget> targets) {
    long failed = targets.stream().filter(t -> t.findings().stream().anyMatch(this::fails)).count();
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"pwk lint\" tests=\"")
        .append(targets.size())
        .append("\" failures=\"")
        .append(failed)
        .append("\">\n");
    sb.append("  <testsuite name=\"pwk lint\" tests=\"")
        .append(targets.size())
        .append("\" failures=\"")
        .append(failed)
        .append("\" errors=\"0\" skipped=\"0\">\n");
    for (LintTarget t : targets) {
      sb.append("    <testcase classname=\"pwk.lint\" name=\"")
          .append(xml(name(t.name())))
          .append('"');
      if (t.findings().isEmpty()) {
        sb.append("/>\n");
        continue;
      }
      sb.append(">\n");
      List<Finding> failures = t.findings().stream().filter(this::fails).toList();
      if (!failures.isEmpty()) {
        long errors = failures.stream().filter(f -> f.severity() == Severity.ERROR).count();
        String what =
            errors == failures.size()
                ? plural(errors, "error")
                : plural(errors, "error")
                    + ", "
                    + plural(failures.size() - errors, "warning")
                    + " (--strict)";
        sb.append("      <failure message=\"").append(xml(what)).append("\" type=\"lint\">");
        failures.forEach(f -> sb.append(xml(headline(f, t))).append('\n'));
        sb.append("</failure>\n");
      }
      List<Finding> others = t.findings().stream().filter(f -> !fails(f)).toList();
      if (!others.isEmpty()) {
        sb.append("      <system-out>");
        others.forEach(f -> sb.append(xml(headline(f, t))).append('\n'));
        sb.append("</system-out>\n");
      }
      sb.append("    </testcase>\n");
    }
    sb.append("  </testsuite>\n</testsuites>\n");
    return sb.toString();
  }

  private static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                  boolean allowed =
                      cp == '\t'
                          || cp == '\n'
                          || cp == '\r'
                          || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
                  sb.appendCodePoint(allowed ? cp : '?');
                }
              }
            });
    return sb.toString();
  }

  private String sarif(List<LintTarget> targets) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "pwk");
    driver.put("version", toolVersion);
    driver.put("informationUri", informationUri);
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    ArrayNode results = run.putArray("results");
    for (LintTarget t : targets) {
      for (Finding f : t.findings()) {
        Integer index = ruleIndex.get(f.ruleId());
        if (index == null) {
          index = ruleIndex.size();
          ruleIndex.put(f.ruleId(), index);
          ObjectNode rule = rules.addObject();
          rule.put("id", f.ruleId());
          rule.putObject("shortDescription").put("text", f.ruleId());
          rule.putObject("fullDescription").put("text", RuleDocs.description(f.ruleId()));
          rule.putObject("help").put("text", RuleDocs.help(f.ruleId()));
          rule.put("helpUri", informationUri);
        }
        ObjectNode r = results.addObject();
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", index);
        r.put("level", sarifLevel(f.severity()));
        r.putObject("message").put("text", message(f, t));
        ObjectNode location = r.putArray("locations").addObject();
        switch (f.kind()) {
          case FILE -> {
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(f.file()));
            if (f.line() > 0) {
              ObjectNode region = physical.putObject("region");
              region.put("startLine", f.line());
              if (f.column() > 0) {
                region.put("startColumn", f.column());
              }
            }
          }
          case FLAG -> location.putArray("logicalLocations").addObject().put("name", flag(f, t));
          case NONE -> {
            ObjectNode value = location.putArray("logicalLocations").addObject();
            value.put(
                "name", f.path().isEmpty() ? "(values)" : name(Pointers.display(f.path(), null)));
            value.put("kind", "property");
          }
        }
        if (!f.path().isEmpty()) {
          r.putObject("properties").put("jsonPath", name(f.path()));
        }
      }
    }
    return toJson(root);
  }

  /**
   * A file name as a SARIF URI reference: relative names stay relative, and characters a URI cannot
   * hold (spaces, control characters) are percent-encoded.
   */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      // Only a path with a colon in its first segment fails here; escape what the path holds.
      return URLEncoder.encode(path, StandardCharsets.UTF_8)
          .replace("+", "%20")
          .replace("%2F", "/");
    }
  }

  private static String sarifLevel(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private String github(List<LintTarget> targets) {
    StringBuilder sb = new StringBuilder();
    for (LintTarget t : targets) {
      for (Finding f : t.findings()) {
        String level =
            switch (f.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case INFO -> "notice";
            };
        sb.append("::").append(level).append(' ');
        if (f.kind() == Finding.Kind.FILE) {
          sb.append("file=").append(ghProperty(name(f.file())));
          if (f.line() > 0) {
            sb.append(",line=").append(f.line());
            if (f.column() > 0) {
              sb.append(",col=").append(f.column());
            }
          }
          sb.append(',');
        }
        sb.append("title=").append(ghProperty("pwk " + f.ruleId()));
        // Without a file, the annotation says in its text which flag (or nothing) it is about.
        String text = f.kind() == Finding.Kind.FLAG ? flag(f, t) + ": " : "";
        sb.append("::").append(ghData(text + message(f, t))).append('\n');
      }
    }
    sb.append(summary(targets)).append('\n');
    return sb.toString();
  }

  private static String ghData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String ghProperty(String s) {
    return ghData(s).replace(":", "%3A").replace(",", "%2C");
  }

  private static String toJson(ObjectNode root) {
    try {
      return Json.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
