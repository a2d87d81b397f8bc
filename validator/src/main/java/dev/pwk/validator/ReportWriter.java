package dev.pwk.validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pwk.values.SourceText;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints lint results in one of the {@link ReportFormat}s. Finding problems and printing them
 * are separate: rules produce {@link Finding}s, this class only formats them.
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

  private final ReportFormat format;
  private final boolean color;
  private final String toolVersion;

  private ReportWriter(ReportFormat format, boolean color, String toolVersion) {
    this.format = format;
    this.color = color;
    this.toolVersion = toolVersion;
  }

  /**
   * A writer for {@code format}; {@code color} applies to the text format only, and {@code
   * toolVersion} is reported in SARIF.
   */
  public static ReportWriter of(ReportFormat format, boolean color, String toolVersion) {
    return new ReportWriter(format, color, toolVersion);
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
        sb.append(headline(f)).append('\n');
        codeFrame(f, t).ifPresent(sb::append);
      }
    }
    sb.append(summary(targets)).append('\n');
    return sb.toString();
  }

  private String headline(Finding f) {
    if (!color) {
      return f.toString();
    }
    String where = f.toString().substring(0, f.toString().indexOf(": " + f.severity().word()));
    String tint =
        switch (f.severity()) {
          case ERROR -> RED;
          case WARNING -> YELLOW;
          case INFO -> CYAN;
        };
    return BOLD + where + RESET + ": " + tint + f.severity().word() + RESET + ": " + f.message()
        + " [" + f.ruleId() + "]";
  }

  private Optional<String> codeFrame(Finding f, LintTarget t) {
    if (f.line() < 1) {
      return Optional.empty();
    }
    Optional<SourceText> source =
        t.sources().stream().filter(s -> s.name().equals(f.file())).findFirst();
    if (source.isEmpty()) {
      return Optional.empty();
    }
    String line = source.get().line(f.line());
    String number = String.valueOf(f.line());
    String gutter = " ".repeat(number.length());
    StringBuilder sb = new StringBuilder();
    sb.append("  ").append(number).append(" | ").append(line).append('\n');
    if (f.column() >= 1) {
      StringBuilder pad = new StringBuilder();
      int cps = 0;
      for (int i = 0; i < line.length() && cps < f.column() - 1; cps++) {
        int cp = line.codePointAt(i);
        pad.append(cp == '\t' ? '\t' : ' ');
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
      file.put("name", t.name());
      ArrayNode list = file.putArray("findings");
      for (Finding f : t.findings()) {
        ObjectNode n = list.addObject();
        n.put("file", f.file());
        n.put("line", f.line());
        n.put("column", f.column());
        n.put("path", f.path());
        n.put("rule", f.ruleId());
        n.put("severity", f.severity().word());
        n.put("message", f.message());
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("files", targets.size());
    summary.put("errors", targets.stream().mapToLong(t -> t.count(Severity.ERROR)).sum());
    summary.put("warnings", targets.stream().mapToLong(t -> t.count(Severity.WARNING)).sum());
    summary.put("infos", targets.stream().mapToLong(t -> t.count(Severity.INFO)).sum());
    return toJson(root);
  }

  private String junit(List<LintTarget> targets) {
    long failed = targets.stream().filter(t -> t.count(Severity.ERROR) > 0).count();
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
      sb.append("    <testcase classname=\"pwk.lint\" name=\"").append(xml(t.name())).append('"');
      if (t.findings().isEmpty()) {
        sb.append("/>\n");
        continue;
      }
      sb.append(">\n");
      List<Finding> errors =
          t.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
      if (!errors.isEmpty()) {
        sb.append("      <failure message=\"")
            .append(xml(plural(errors.size(), "error")))
            .append("\" type=\"lint\">");
        errors.forEach(f -> sb.append(xml(f.toString())).append('\n'));
        sb.append("</failure>\n");
      }
      List<Finding> others =
          t.findings().stream().filter(f -> f.severity() != Severity.ERROR).toList();
      if (!others.isEmpty()) {
        sb.append("      <system-out>");
        others.forEach(f -> sb.append(xml(f.toString())).append('\n'));
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
                      cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
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
    driver.put("informationUri", "https://github.com/PrefectHQ/prefect-helm");
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
        }
        ObjectNode r = results.addObject();
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", index);
        r.put("level", sarifLevel(f.severity()));
        r.putObject("message").put("text", f.message());
        ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", f.line() > 0 ? f.file() : t.name());
        if (f.line() > 0) {
          ObjectNode region = physical.putObject("region");
          region.put("startLine", f.line());
          if (f.column() > 0) {
            region.put("startColumn", f.column());
          }
        }
        if (!f.path().isEmpty()) {
          r.putObject("properties").put("jsonPath", f.path());
        }
      }
    }
    return toJson(root);
  }

  private static String sarifLevel(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static String github(List<LintTarget> targets) {
    StringBuilder sb = new StringBuilder();
    for (LintTarget t : targets) {
      for (Finding f : t.findings()) {
        String level =
            switch (f.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case INFO -> "notice";
            };
        sb.append("::").append(level).append(" file=");
        sb.append(ghProperty(f.line() > 0 ? f.file() : t.name()));
        if (f.line() > 0) {
          sb.append(",line=").append(f.line());
          if (f.column() > 0) {
            sb.append(",col=").append(f.column());
          }
        }
        sb.append(",title=").append(ghProperty("pwk " + f.ruleId()));
        sb.append("::").append(ghData(f.message())).append('\n');
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
