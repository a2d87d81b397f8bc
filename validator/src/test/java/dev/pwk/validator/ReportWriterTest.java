package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
                      "values.yaml", 2, 14, "/worker/apiConfig", "schema.enum", Severity.ERROR,
                      "worker.apiConfig must be one of 'cloud', 'customerManagedCloud',"
                          + " 'selfHostedServer', got \"Cloud\""),
                  new Finding(
                      "values.yaml", 3, 16, "/worker/replicaCount", "schema.type",
                      Severity.ERROR, "worker.replicaCount must be an integer, got string"),
                  new Finding(
                      "values.yaml", 4, 24, "/worker/nodeSelector/disk", "example.note",
                      Severity.WARNING, "a <quoted> & \"odd\" message: 100%, with commas"),
                  new Finding(
                      "--set #1 (worker.config.limit=0)", -1, 1, "/worker/config/limit",
                      "values.positive-limit", Severity.INFO, "limit 0 means no limit")),
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
      assertFalse(ReportWriter.of(ReportFormat.TEXT, false, "x").write(TARGETS).contains("\u001b["));
      assertTrue(ReportWriter.of(ReportFormat.TEXT, true, "x").write(TARGETS).contains("\u001b[31m"));
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
    assertEquals(2, json.at("/summary/errors").asInt());
    assertEquals(4, json.at("/files/0/findings").size());
    JsonNode sarif = m.readTree(ReportWriter.of(ReportFormat.SARIF, false, "x").write(TARGETS));
    assertEquals("2.1.0", sarif.get("version").asText());
    assertEquals(4, sarif.at("/runs/0/results").size());
    assertEquals("note", sarif.at("/runs/0/results/3/level").asText());
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
