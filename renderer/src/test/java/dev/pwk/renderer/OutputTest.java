package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.testing.Yaml11;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("YAML output and the config checksum")
class OutputTest {

  private static final String FULL =
      """
      commonLabels: {team: data}
      worker:
        autoscaling: {enabled: true}
        podDisruptionBudget: {minAvailable: 1}
        config:
          baseJobTemplate:
            configuration: |
              {"job_configuration": {}}
        extraEnvVars: [{name: A, value: "{{ .Release.Name }}"}]
      """;

  private static String checksum(Rendered r) {
    return r.deployment()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get("checksum/config");
  }

  @Nested
  @DisplayName("stability")
  class Stability {
    @Test
    @DisplayName("rendering the same values twice gives identical bytes")
    void identicalBytes() {
      String a = TestValues.render(TestValues.required(FULL)).toYaml();
      String b = TestValues.render(TestValues.required(FULL)).toYaml();
      assertEquals(a, b);
    }

    @Test
    @DisplayName("documents come in Helm's order, each with --- and its # Source line")
    void documents() {
      Rendering r = TestValues.render(TestValues.required(FULL));
      assertEquals(
          List.of(
              "pdb.yaml",
              "serviceaccount.yaml",
              "configmap.yaml",
              "role.yaml",
              "rolebinding.yaml",
              "deployment.yaml",
              "hpa.yaml"),
          r.objects().stream().map(RenderedObject::templateFile).toList());
      String yaml = r.toYaml();
      assertTrue(yaml.startsWith("---\n# Source: prefect-worker/templates/pdb.yaml\napiVersion:"));
      assertEquals(7, yaml.split("(?m)^---$").length - 1);
      assertTrue(yaml.contains("\n---\n# Source: prefect-worker/templates/hpa.yaml\n"));
      assertTrue(yaml.endsWith("\n"));
    }

    @Test
    @DisplayName("select keeps the matching objects in order and prints only them")
    void select() {
      Rendering r = TestValues.render(TestValues.required(FULL));
      Rendering rbac = r.select(o -> o.templateFile().startsWith("role"));
      assertEquals(
          List.of("role.yaml", "rolebinding.yaml"),
          rbac.objects().stream().map(RenderedObject::templateFile).toList());
      assertTrue(rbac.toYaml().startsWith("---\n# Source: prefect-worker/templates/role.yaml\n"));
      assertEquals(2, rbac.toYaml().split("(?m)^---$").length - 1);
    }
  }

  @Nested
  @DisplayName("checksum/config")
  class Checksum {
    @Test
    @DisplayName("without a ConfigMap it is sha256 of a newline, as upstream")
    void noConfigMap() {
      assertEquals(
          "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b",
          checksum(Rendered.of(TestValues.render(TestValues.required("{}")))));
    }

    @Test
    @DisplayName("with a ConfigMap it is sha256 of a newline and the ConfigMap's YAML")
    void hashesTheConfigMap() throws Exception {
      Rendered r = Rendered.of(TestValues.render(TestValues.required(FULL)));
      String cm = YamlWriter.shared().write(r.configMap());
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(("\n" + cm).getBytes(StandardCharsets.UTF_8));
      assertEquals(HexFormat.of().formatHex(digest), checksum(r));
    }

    @Test
    @DisplayName("it changes when the base job template changes, and only then")
    void changesWithTheTemplate() {
      String a = checksum(Rendered.of(TestValues.render(TestValues.required(FULL))));
      String b =
          checksum(
              Rendered.of(
                  TestValues.render(TestValues.required(FULL.replace("{}}", "{\"x\": 1}}")))));
      String c =
          checksum(
              Rendered.of(TestValues.render(TestValues.required(FULL + "  replicaCount: 3\n"))));
      assertNotEquals(a, b);
      assertEquals(a, c);
    }
  }

  @Nested
  @DisplayName("the YAML writer")
  class Writer {
    @Test
    @DisplayName("strings that a YAML 1.1 reader would type otherwise are quoted and read back")
    void quoting() {
      List<String> tricky =
          List.of(
              "y",
              "N",
              "yes",
              "Off",
              "true",
              "~",
              "null",
              "",
              "0x1F",
              "012",
              "0o17",
              "0b101",
              "1e3",
              "1.5",
              ".inf",
              "-.5",
              "1_000",
              "2024-01-01",
              "12:30:00",
              "<<",
              "=",
              " lead",
              "trail ",
              "a: b",
              "#x",
              "- x",
              "multi\nline\n",
              "multi\nno end",
              "tab\there",
              "{{ .Release.Name }}",
              "@at",
              "`tick`",
              "\"q\"",
              "'s'",
              "x".repeat(200));
      Map<String, String> data = new LinkedHashMap<>();
      for (int i = 0; i < tricky.size(); i++) {
        data.put("k" + i, tricky.get(i));
      }
      ConfigMap cm =
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("cm")
              .addToLabels("yes", "on")
              .endMetadata()
              .withData(data)
              .build();
      String yaml = YamlWriter.shared().write(cm);
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = (Map<String, Object>) Yaml11.loadAll(yaml).get(0);
      assertEquals(data, doc.get("data"), yaml);
      assertEquals(Map.of("yes", "on"), ((Map<?, ?>) doc.get("metadata")).get("labels"), yaml);
      assertTrue(yaml.contains("k0: \"y\"") || yaml.contains("k0: 'y'"), yaml);
      assertTrue(yaml.contains("k26: |\n    multi\n    line\n"), yaml);
      assertTrue(yaml.contains("x".repeat(200)), "long lines are not folded");
    }

    @Test
    @DisplayName("no document marker, lists indented like kubectl, empty maps kept")
    void style() {
      String yaml = TestValues.render(TestValues.required("{}")).toYaml();
      assertEquals(4, yaml.split("(?m)^---$").length - 1);
      assertTrue(yaml.contains("      containers:\n        - name: prefect-worker\n"), yaml);
      assertTrue(yaml.contains("capabilities: {}"), yaml);
      assertTrue(yaml.contains("emptyDir: {}"), yaml);
      assertTrue(yaml.contains("dnsConfig: {}"), yaml);
    }
  }
}
