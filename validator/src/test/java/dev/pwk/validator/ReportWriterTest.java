package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pwk.values.Finding;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

@DisplayName("ReportWriter prints findings")
class ReportWriterTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "report");

  private static final SourceText VALUES =
      new SourceText(
          "values.yaml",
          "worker:\n  apiConfig: Cloud\n\treplicaCount: two\n  nodeSelector: {disk: \"ssd\"}\n");

  private static final List<LintTarget> TARGETS =
      List.of(
          new LintTarget(
              "values.yaml",
              List.of(
                  new Finding(
                      "values.yaml",
                      2,
                      14,
                      "/worker/apiConfig",
                      "schema.enum",
                      Severity.ERROR,
                      "worker.apiConfig must be one of 'cloud', 'customerManagedCloud',"
                          + " 'selfHostedServer', got \"Cloud\""),
                  new Finding(
                      "values.yaml",
                      3,
                      16,
                      "/worker/replicaCount",
                      "schema.type",
                      Severity.ERROR,
                      "worker.replicaCount must be an integer, got string"),
                  new Finding(
                      "values.yaml",
                      4,
                      24,
                      "/worker/nodeSelector/disk",
                      "example.note",
                      Severity.WARNING,
                      "a <quoted> & \"odd\" message: 100%, with commas"),
                  new Finding(
                      "--set #1 (worker.config.limit=0)",
                      -1,
                      1,
                      "/worker/config/limit",
                      "values.positive-limit",
                      Severity.INFO,
                      "limit 0 means no limit",
                      Finding.Kind.FLAG),
                  new Finding(
                      "",
                      -1,
                      -1,
                      "/worker/config/workPool",
                      "chart.required",
                      Severity.ERROR,
                      "A Work Pool Name is required (worker.config.workPool)")),
              List.of(VALUES)),
          new LintTarget("clean.yaml", List.of(), List.of()));

  @ParameterizedTest(name = "{0}")
  @EnumSource(ReportFormat.class)
  @DisplayName("every format matches its golden file")
  void golden(ReportFormat format) throws IOException {
    String actual = ReportWriter.of(format, false, "1.2.3").write(TARGETS);
    Path golden = GOLDEN.resolve("golden." + format.name().toLowerCase());
    if (Boolean.getBoolean("pwk.golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
  }

  @Nested
  @DisplayName("text format")
  class Text {
    @Test
    @DisplayName("puts the caret under the reported column, keeping tabs")
    void caret() {
      String out = ReportWriter.of(ReportFormat.TEXT, false, "x").write(TARGETS);
      List<String> lines = out.lines().toList();
      int i = lines.indexOf("  3 | \treplicaCount: two");
      assertTrue(i > 0, out);
      assertEquals("    | \t" + " ".repeat(14) + "^", lines.get(i + 1));
    }

    @Test
    @DisplayName("colours only when asked")
    void colour() {
      assertFalse(
          ReportWriter.of(ReportFormat.TEXT, false, "x").write(TARGETS).contains("\u001b["));
      assertTrue(
          ReportWriter.of(ReportFormat.TEXT, true, "x").write(TARGETS).contains("\u001b[31m"));
    }

    @Test
    @DisplayName("summarises a clean run")
    void clean() {
      assertEquals(
          "no problems in 1 file\n",
          ReportWriter.of(ReportFormat.TEXT, false, "x")
              .write(List.of(new LintTarget("a.yaml", List.of(), List.of()))));
    }
  }

  @Test
  @DisplayName("JSON and SARIF are well-formed and count what they contain")
  void jsonAndSarif() throws IOException {
    ObjectMapper m = new ObjectMapper();
    JsonNode json = m.readTree(ReportWriter.of(ReportFormat.JSON, false, "x").write(TARGETS));
    assertEquals(3, json.at("/summary/errors").asInt());
    assertEquals(5, json.at("/files/0/findings").size());
    JsonNode sarif = m.readTree(ReportWriter.of(ReportFormat.SARIF, false, "x").write(TARGETS));
    assertEquals("2.1.0", sarif.get("version").asText());
    assertEquals(5, sarif.at("/runs/0/results").size());
    assertEquals("note", sarif.at("/runs/0/results/3/level").asText());
  }

  @Nested
  @DisplayName(
      "a finding caused by a flag, or by nothing the user wrote, gets a location each format can carry")
  class WithoutAFile {
    private final ObjectMapper m = new ObjectMapper();

    @Test
    @DisplayName("JSON: file and line are null, and a flag is named in its own field")
    void json() throws IOException {
      JsonNode findings =
          m.readTree(ReportWriter.of(ReportFormat.JSON, false, "x").write(TARGETS))
              .at("/files/0/findings");
      JsonNode flag = findings.get(3);
      assertTrue(flag.get("file").isNull(), flag::toString);
      assertTrue(flag.get("line").isNull(), flag::toString);
      assertEquals("--set #1 (worker.config.limit=0)", flag.get("flag").asText());
      JsonNode none = findings.get(4);
      assertTrue(none.get("file").isNull() && none.get("line").isNull(), none::toString);
      assertFalse(none.has("flag"), none::toString);
      assertEquals(2, findings.get(0).get("line").asInt());
    }

    @Test
    @DisplayName("SARIF: a logical location and no physical one, and every URI is a URI")
    void sarif() throws Exception {
      JsonNode results =
          m.readTree(ReportWriter.of(ReportFormat.SARIF, false, "x").write(TARGETS))
              .at("/runs/0/results");
      JsonNode flag = results.get(3).at("/locations/0");
      assertFalse(flag.has("physicalLocation"), flag::toString);
      assertEquals(
          "--set #1 (worker.config.limit=0)", flag.at("/logicalLocations/0/name").asText());
      JsonNode none = results.get(4).at("/locations/0");
      assertFalse(none.has("physicalLocation"), none::toString);
      assertEquals("worker.config.workPool", none.at("/logicalLocations/0/name").asText());
      for (JsonNode r : results) {
        JsonNode uri = r.at("/locations/0/physicalLocation/artifactLocation/uri");
        if (!uri.isMissingNode()) {
          new java.net.URI(uri.asText()); // throws for what is no URI reference
        }
      }
      assertEquals(
          "values%20(chart%20defaults).yaml", ReportWriter.uri("values (chart defaults).yaml"));
      assertEquals("dir/a.yaml", ReportWriter.uri("dir/a.yaml"));
    }

    @Test
    @DisplayName("GitHub: no file= property, and the flag named in the text")
    void github() {
      List<String> lines =
          ReportWriter.of(ReportFormat.GITHUB, false, "x").write(TARGETS).lines().toList();
      assertEquals(
          "::notice title=pwk values.positive-limit::--set #1 (worker.config.limit=0): limit 0"
              + " means no limit",
          lines.get(3));
      assertEquals(
          "::error title=pwk chart.required::A Work Pool Name is required"
              + " (worker.config.workPool)",
          lines.get(4));
    }
  }

  @Nested
  @DisplayName("SARIF describes pwk and its rules")
  class SarifRules {
    @Test
    @DisplayName("informationUri names pwk, and every rule has a full description and help")
    void rules() throws IOException {
      JsonNode driver =
          new ObjectMapper()
              .readTree(
                  ReportWriter.of(ReportFormat.SARIF, false, "x")
                      .informationUri("https://git.example.com/platform/pwk")
                      .write(TARGETS))
              .at("/runs/0/tool/driver");
      assertEquals("https://git.example.com/platform/pwk", driver.get("informationUri").asText());
      assertEquals(5, driver.get("rules").size());
      for (JsonNode rule : driver.get("rules")) {
        assertFalse(rule.at("/fullDescription/text").asText().isBlank(), rule::toString);
        assertFalse(rule.at("/help/text").asText().isBlank(), rule::toString);
      }
      assertEquals(
          RuleDocs.description("schema.type"), driver.at("/rules/1/fullDescription/text").asText());
      String byDefault = ReportWriter.of(ReportFormat.SARIF, false, "x").write(TARGETS);
      assertFalse(byDefault.contains("PrefectHQ/prefect-helm"), byDefault);
      assertTrue(
          java.net
              .URI
              .create(
                  new ObjectMapper()
                      .readTree(byDefault)
                      .at("/runs/0/tool/driver/informationUri")
                      .asText())
              .isAbsolute(),
          "SARIF requires an absolute informationUri");
    }

    @Test
    @DisplayName("every rule family with messages has its own description")
    void everyFamilyDescribed() {
      for (String key : Messages.keys()) {
        assertTrue(RuleDocs.isDescribed(key), "no description in rules.properties for " + key);
      }
      assertTrue(RuleDocs.isDescribed(ValuesValidator.INPUT_RULE_PREFIX + "yaml-syntax"));
    }
  }

  @Nested
  @DisplayName("JUnit agrees with the exit code")
  class JunitStrict {
    private final List<LintTarget> warningsOnly =
        List.of(
            new LintTarget(
                "warn.yaml",
                List.of(
                    new Finding(
                        "warn.yaml",
                        1,
                        1,
                        "/worker/image/prefectTag",
                        "image.mutable-tag",
                        Severity.WARNING,
                        "a tag that moves")),
                List.of()));

    @Test
    @DisplayName("warnings alone are no failure without --strict")
    void lenient() throws Exception {
      Document doc = parse(ReportWriter.of(ReportFormat.JUNIT, false, "x").write(warningsOnly));
      assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
      assertEquals(0, doc.getElementsByTagName("failure").getLength());
    }

    @Test
    @DisplayName("under --strict a file with warnings fails, as the exit code does")
    void strict() throws Exception {
      Document doc =
          parse(ReportWriter.of(ReportFormat.JUNIT, false, "x").strict(true).write(warningsOnly));
      assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
      assertEquals(1, doc.getElementsByTagName("failure").getLength());
      assertEquals(
          "0 errors, 1 warning (--strict)",
          ((org.w3c.dom.Element) doc.getElementsByTagName("failure").item(0))
              .getAttribute("message"));
    }
  }

  @Nested
  @DisplayName("values cannot reach the terminal or the report raw")
  class Hostile {
    private static final String ESC = "\u001b";
    private static final SourceText SOURCE =
        new SourceText(
            "evil.yaml",
            "worker:\n  config:\n    workPool: \"a"
                + ESC
                + "[2Jb\u0085c\u0007d\"\n"
                + "  selfHostedServerApiConfig:\n    basicAuth:\n      authString: admin:hunter2\n");
    private static final List<LintTarget> TARGET =
        List.of(
            new LintTarget(
                "evil.yaml",
                List.of(
                    new Finding(
                        "evil.yaml",
                        3,
                        25,
                        "/worker/config/workPool",
                        "names.invalid",
                        Severity.ERROR,
                        "workPool is \"a" + ESC + "[2Jb\u0085c\rd\"; not a name"),
                    new Finding(
                        "evil.yaml",
                        6,
                        19,
                        "/worker/selfHostedServerApiConfig/basicAuth/authString",
                        "secrets.auth-string-in-file",
                        Severity.WARNING,
                        "the password admin:hunter2 is in a file"),
                    new Finding(
                        "",
                        -1,
                        -1,
                        "/x" + ESC + "[2J",
                        "chart.required",
                        Severity.ERROR,
                        "x" + ESC + "[2J is required")),
                List.of(SOURCE),
                dev.pwk.values.SecretValues.of(
                    new ObjectMapper().createObjectNode().put("authString", "admin:hunter2"))));

    @ParameterizedTest(name = "{0}")
    @EnumSource(ReportFormat.class)
    @DisplayName("no format holds a control character from values, or a secret")
    void escapedAndMasked(ReportFormat format) {
      for (boolean colour : new boolean[] {false, true}) {
        String out = ReportWriter.of(format, colour, "x").write(TARGET);
        String withoutOwnColours = out.replaceAll("\u001b\\[[0-9;]*m", "");
        for (char c : withoutOwnColours.toCharArray()) {
          boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
          assertFalse(control, format + " printed U+" + Integer.toHexString(c) + ":\n" + out);
        }
        assertFalse(out.contains("hunter2"), format + " shows the secret:\n" + out);
        assertTrue(out.contains("redacted"), out);
      }
      if (format == ReportFormat.TEXT) {
        String out = ReportWriter.of(format, false, "x").write(TARGET);
        assertTrue(out.contains("\"a\\e[2Jb\\u0085c\\rd\""), out);
        List<String> lines = out.lines().toList();
        int i = lines.indexOf("  6 |       authString: <redacted>");
        assertTrue(i > 0, out);
        assertEquals("    |                   ^", lines.get(i + 1));
        int j = lines.indexOf("  3 |     workPool: \"a\\e[2Jb\\u0085c\\x07d\"");
        assertTrue(j > 0, out);
        assertEquals("    | " + " ".repeat(33) + "^", lines.get(j + 1), "the caret under the 'd'");
      }
    }
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));
  }

  @Test
  @DisplayName("JUnit XML parses, with one test case per file and a failure for errors")
  void junit() throws Exception {
    String xml = ReportWriter.of(ReportFormat.JUNIT, false, "x").write(TARGETS);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(xml)));
    assertEquals(2, doc.getElementsByTagName("testcase").getLength());
    assertEquals(1, doc.getElementsByTagName("failure").getLength());
  }

  @Test
  @DisplayName("GitHub annotations escape their properties and data")
  void github() {
    String out = ReportWriter.of(ReportFormat.GITHUB, false, "x").write(TARGETS);
    assertTrue(
        out.contains(
            "::warning file=values.yaml,line=4,col=24,title=pwk example.note::a <quoted> &"
                + " \"odd\" message: 100%25, with commas"),
        out);
  }
}
