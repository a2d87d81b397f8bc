package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code worker.config.baseJobTemplate} through {@link ValuesValidator}: where findings point for
 * each way a template reaches the chart. Expected positions are found in the test's own text.
 */
@DisplayName("base job templates in values")
class BaseJobTemplateValuesTest {
  private static final ValuesLoader LOADER = ValuesLoader.create();
  private static final ValuesValidator VALIDATOR = ValuesValidator.create();
  private static final String CONFIGURATION = "/worker/config/baseJobTemplate/configuration";

  private static final String MISSPELT =
      """
      {
        "variables": {"properties": {"image": {"type": "string"}}},
        "job_configuration": {"image": "{{ imagee }}"}
      }
      """;

  @TempDir Path tmp;

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static List<Finding> lint(ValueInputs inputs) throws Exception {
    LoadedValues values = LOADER.load(inputs);
    return VALIDATOR.validate(values, LintMode.FULL).stream()
        .filter(f -> f.ruleId().startsWith("base-job-template."))
        .toList();
  }

  private static ValueInputs.Builder base() throws Exception {
    return ValueInputs.builder().file(LintFixturesTest.dir().resolve("_base.yaml"));
  }

  /** The 1-based line and column where {@code anchor} first occurs in {@code text}. */
  private static int[] position(String text, String anchor) {
    int at = text.indexOf(anchor);
    assertTrue(at >= 0, "no " + anchor);
    int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    return new int[] {line, at - text.lastIndexOf('\n', at - 1)};
  }

  private static void assertAt(Finding f, String file, int[] position) {
    assertEquals(file, f.file(), f::toString);
    assertEquals(position[0], f.line(), f::toString);
    assertEquals(position[1], f.column(), f::toString);
  }

  private static String indent(String text, int spaces) {
    return text.lines()
        .map(l -> l.isEmpty() ? l : " ".repeat(spaces) + l)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static Finding only(List<Finding> findings, String ruleId) {
    List<Finding> matching = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertEquals(1, matching.size(), () -> ruleId + " in " + findings);
    return matching.get(0);
  }

  @Nested
  @DisplayName("a JSON string in a values file")
  class InlineString {
    @Test
    @DisplayName("in a literal block, a finding points at its place inside the block")
    void literalBlock() throws Exception {
      String yaml =
          "worker:\n  config:\n    baseJobTemplate:\n      configuration: |\n"
              + indent(MISSPELT, 8);
      Path values = write("values.yaml", yaml);
      List<Finding> findings = lint(base().file(values).build());
      Finding f = only(findings, JobTemplateCheck.UNDECLARED_VARIABLE);
      assertAt(f, values.toString(), position(yaml, "{{ imagee }}"));
      assertEquals(CONFIGURATION + "/job_configuration/image", f.path());
      assertEquals(
          "job_configuration.image uses {{ imagee }}, but 'variables.properties' declares no"
              + " 'imagee'; did you mean 'image'?",
          f.message());
      assertAt(
          only(findings, JobTemplateCheck.UNUSED_VARIABLE),
          values.toString(),
          position(yaml, "\"image\": {"));
    }

    @Test
    @DisplayName("a syntax error in a literal block points inside the block")
    void syntaxErrorInBlock() throws Exception {
      String yaml =
          "worker:\n  config:\n    baseJobTemplate:\n      configuration: |\n"
              + "        {\n          \"variables\": {},\n          \"job_configuration\": {}\n"
              + "          \"x\": 1\n        }\n";
      Path values = write("values.yaml", yaml);
      Finding f = only(lint(base().file(values).build()), BaseJobTemplateRules.INVALID_JSON);
      assertAt(f, values.toString(), position(yaml, "\"x\""));
      assertTrue(
          f.message().startsWith("worker.config.baseJobTemplate.configuration is not valid JSON: "),
          f::toString);
    }

    @Test
    @DisplayName("Prefect's default template in a literal block is clean")
    void defaultTemplateInBlock() throws Exception {
      String json =
          Files.readString(
              JobTemplateFixturesTest.dir().resolve("prefect-default-kubernetes.json"),
              StandardCharsets.UTF_8);
      Path values =
          write(
              "values.yaml",
              "worker:\n  config:\n    baseJobTemplate:\n      configuration: |\n"
                  + indent(json, 8));
      assertEquals(List.of(), lint(base().file(values).build()));
    }

    @Test
    @DisplayName("with escapes, a finding goes to the value and names the place in the JSON")
    void escapedString() throws Exception {
      String yaml =
          "worker:\n"
              + "  config:\n"
              + "    baseJobTemplate:\n"
              + "      configuration: \"{\\\"variables\\\": {},\\n"
              + " \\\"job_configuration\\\" {}}\"\n";
      Path values = write("values.yaml", yaml);
      Finding f = only(lint(base().file(values).build()), BaseJobTemplateRules.INVALID_JSON);
      assertAt(f, values.toString(), position(yaml, "\"{"));
      assertTrue(f.message().endsWith("(line 2, column 22 of the JSON)"), f::toString);
    }
  }

  @Nested
  @DisplayName("a JSON file given with --set-file")
  class SetFile {
    @Test
    @DisplayName("findings name the file and the line and column inside it")
    void pointsIntoTheFile() throws Exception {
      Path json = write("base-job-template.json", MISSPELT);
      List<Finding> findings =
          lint(base().setFile("worker.config.baseJobTemplate.configuration=" + json).build());
      assertAt(
          only(findings, JobTemplateCheck.UNDECLARED_VARIABLE),
          json.toString(),
          position(MISSPELT, "{{ imagee }}"));
    }

    @Test
    @DisplayName("a syntax error names the file and the line and column inside it")
    void syntaxError() throws Exception {
      String text = "{\n  \"variables\": {},\n  \"job_configuration\": {\"a\": 1,}\n}\n";
      Path json = write("base-job-template.json", text);
      Finding f =
          only(
              lint(base().setFile("worker.config.baseJobTemplate.configuration=" + json).build()),
              BaseJobTemplateRules.INVALID_JSON);
      assertAt(f, json.toString(), position(text, "}\n}"));
    }

    @Test
    @DisplayName("the file's text is among the sources, so a report can show the line")
    void codeFrame() throws Exception {
      Path json = write("base-job-template.json", MISSPELT);
      LoadedValues values =
          LOADER.load(
              base().setFile("worker.config.baseJobTemplate.configuration=" + json).build());
      String report =
          ReportWriter.of(ReportFormat.TEXT, false, "test")
              .write(
                  List.of(
                      new LintTarget(
                          "values", VALIDATOR.validate(values, LintMode.FULL), values.sources())));
      String line = MISSPELT.lines().toList().get(2);
      int column = position(MISSPELT, "{{ imagee }}")[1];
      assertTrue(
          report.contains("  3 | " + line + "\n    | " + " ".repeat(column - 1) + "^\n"), report);
    }
  }

  @Nested
  @DisplayName("other forms")
  class OtherForms {
    @Test
    @DisplayName("a template written as a YAML map is checked key by key")
    void mapForm() throws Exception {
      String yaml =
          """
          worker:
            config:
              baseJobTemplate:
                configuration:
                  variables:
                    properties:
                      image: {type: string}
                  job_configuration:
                    image: "{{ imagee }}"
          """;
      Path values = write("values.yaml", yaml);
      Finding f = only(lint(base().file(values).build()), JobTemplateCheck.UNDECLARED_VARIABLE);
      assertAt(f, values.toString(), position(yaml, "\"{{ imagee }}\""));
      assertEquals(CONFIGURATION + "/job_configuration/image", f.path());
    }

    @Test
    @DisplayName("JSON text from --set-string is located at the flag")
    void setString() throws Exception {
      String argument =
          "worker.config.baseJobTemplate.configuration= "
              + MISSPELT.replace("\n", " ").replace(",", "\\,");
      List<Finding> findings = lint(base().setString(argument).build());
      Finding f = only(findings, JobTemplateCheck.UNDECLARED_VARIABLE);
      assertTrue(f.file().startsWith("--set-string #1 ("), f::toString);
      assertEquals(-1, f.line());
    }

    @Test
    @DisplayName("a ConfigMap in the cluster is not checked, and the finding says so")
    void existingConfigMap() throws Exception {
      Path values =
          write(
              "values.yaml",
              "worker:\n  config:\n    baseJobTemplate:\n      existingConfigMapName: bjt\n");
      Finding f = only(lint(base().file(values).build()), BaseJobTemplateRules.NOT_CHECKED);
      assertEquals(Severity.INFO, f.severity());
      assertEquals(
          "worker.config.baseJobTemplate.existingConfigMapName names the ConfigMap 'bjt' in the"
              + " cluster, so its base job template is not checked here; lint the JSON with pwk"
              + " lint-job-template before it goes into the ConfigMap",
          f.message());
    }

    @Test
    @DisplayName("an overlay linted alone (partial mode) gets no template findings")
    void partialMode() throws Exception {
      Path values =
          write(
              "values.yaml",
              "worker:\n"
                  + "  config:\n"
                  + "    baseJobTemplate:\n"
                  + "      configuration: '{\"variables\": 1}'\n");
      LoadedValues loaded = LOADER.loadWithoutDefaults(ValueInputs.ofFiles(values));
      assertEquals(List.of(), VALIDATOR.validate(loaded, LintMode.PARTIAL));
    }
  }
}
