package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small helpers the rules are built on. */
class UnitsTest {

  @Nested
  @DisplayName("Kubernetes names")
  class NamesTest {
    @Test
    void syntaxes() {
      assertTrue(K8sNames.DNS_LABEL.accepts("prefect"));
      assertFalse(K8sNames.DNS_LABEL.accepts("pre.fect"));
      assertFalse(K8sNames.DNS_LABEL.accepts("a".repeat(64)));
      assertTrue(K8sNames.DNS_SUBDOMAIN.accepts("pre.fect-1"));
      assertFalse(K8sNames.DNS_SUBDOMAIN.accepts("My_Worker"));
      assertTrue(K8sNames.LABEL_VALUE.accepts(""));
      assertTrue(K8sNames.LABEL_VALUE.accepts("My_Worker.v1"));
      assertFalse(K8sNames.LABEL_VALUE.accepts("-x"));
      assertTrue(K8sNames.CONFIG_KEY.accepts("baseJobTemplate.json"));
      assertTrue(K8sNames.isQualifiedName("app.kubernetes.io/name"));
      assertTrue(K8sNames.isQualifiedName("team"));
      assertFalse(K8sNames.isQualifiedName("/name"));
      assertFalse(K8sNames.isQualifiedName("Example.com/name"));
      assertFalse(K8sNames.isQualifiedName("a/b/c"));
    }
  }

  @Nested
  @DisplayName("JSON pointers")
  class PointersTest {
    @Test
    void displayAndEscaping() throws Exception {
      var tree =
          new ObjectMapper()
              .readTree("{\"worker\":{\"image\":{\"pullSecrets\":[\"a\"]}},\"commonLabels\":{}}");
      assertEquals(
          "worker.image.pullSecrets[0]", Pointers.display("/worker/image/pullSecrets/0", tree));
      String label = Pointers.child("/commonLabels", "app.kubernetes.io/name");
      assertEquals("/commonLabels/app.kubernetes.io~1name", label);
      assertEquals("commonLabels[\"app.kubernetes.io/name\"]", Pointers.display(label, tree));
      assertEquals(List.of("commonLabels", "app.kubernetes.io/name"), Pointers.segments(label));
      assertTrue(Pointers.isAtOrBelow("/a/b", "/a"));
      assertFalse(Pointers.isAtOrBelow("/ab", "/a"));
    }
  }

  @Nested
  @DisplayName("lines are split as String.lines splits them")
  class LinesTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a\n", "a\r\nb", "a\rb\r", "\n\n", " \t\nx\r\n\r\n  y"})
    void sameAsStringLines(String text) {
      Lines lines = Lines.of(text);
      List<String> expected = text.lines().toList();
      assertEquals(expected.size(), lines.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), lines.get(i));
        assertEquals(expected.get(i).isBlank(), lines.isBlank(i));
        String line = expected.get(i);
        assertEquals(line.length() - line.stripLeading().length(), lines.indent(i));
      }
    }
  }

  @Nested
  @DisplayName("messages")
  class MessagesTest {
    @Test
    @DisplayName("every message formats, and every rule id constant has a message")
    void complete() throws Exception {
      for (String key : Messages.keys()) {
        assertFalse(Messages.format(key, "a", "b", "c", "d").isBlank(), key);
      }
      List<Class<?>> rules =
          List.of(
              SchemaCheck.class,
              ChartRequirements.class,
              Migrations.class,
              NameRules.class,
              LabelRules.class,
              ResourceRules.class,
              ScalingRules.class,
              WorkerConfigRules.class,
              BaseJobTemplateRules.class,
              JobTemplateCheck.class,
              VariablesSchemaCheck.class,
              JobManifestCheck.class,
              ImageRules.class,
              ApiConfigRules.class,
              BasicAuthRules.class,
              SecurityRules.class,
              RbacRules.class,
              DeprecationRules.class);
      int ids = 0;
      for (Class<?> c : rules) {
        for (Field f : c.getDeclaredFields()) {
          // A *_FAMILY constant names where other rules' ids are filed, not a rule of its own.
          if (Modifier.isStatic(f.getModifiers())
              && f.getType() == String.class
              && !f.getName().endsWith("_FAMILY")) {
            f.setAccessible(true);
            String value = (String) f.get(null);
            if (value.matches("[a-z][a-z0-9-]*\\.[a-z0-9.-]+")) {
              ids++;
              assertTrue(
                  Messages.keys().stream()
                      .anyMatch(k -> k.equals(value) || k.startsWith(value + ".")),
                  c.getSimpleName() + "." + f.getName() + " = " + value + " has no message");
            }
          }
        }
      }
      assertTrue(ids > 40, "found only " + ids + " rule ids");
    }

    @Test
    @DisplayName("numbers are not grouped")
    void numbers() {
      assertTrue(Messages.format("names.truncated", "x", 1234, "y").contains("1234 bytes"));
    }
  }

  @Test
  @DisplayName("the schema is loaded once and shared")
  void schemaLoadedOnce() {
    assertSame(SchemaCheck.get(), SchemaCheck.get());
  }

  @Test
  @DisplayName("schema type lists read naturally")
  void describeTypes() {
    assertEquals("an integer", SchemaCheck.describeTypes(List.of("integer")));
    assertEquals("an integer or null", SchemaCheck.describeTypes(List.of("integer", "null")));
    assertEquals(
        "a string, null or an object",
        SchemaCheck.describeTypes(List.of("string", "null", "object")));
  }

  @Test
  @DisplayName("secret paths are recognised by their keys, and env values by the variable's name")
  void secretPaths() throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(
                "{\"worker\": {\"extraEnvVars\": [{\"name\": \"DB_PASSWORD\", \"value\": \"x\"},"
                    + " {\"name\": \"LOG\", \"value\": \"debug\"}]}}");
    assertTrue(
        Secrets.isSecretPath(root, "/worker/selfHostedServerApiConfig/basicAuth/authString"));
    assertTrue(Secrets.isSecretPath(root, "/x/apiKey"));
    assertTrue(Secrets.isSecretPath(root, "/x/db_password"));
    assertTrue(Secrets.isSecretPath(root, "/worker/extraEnvVars/0/value"));
    assertFalse(Secrets.isSecretPath(root, "/worker/extraEnvVars/1/value"));
    assertFalse(Secrets.isSecretPath(root, "/worker/cloudApiConfig/apiKeySecret/name"));
    assertFalse(
        Secrets.isSecretPath(root, "/worker/selfHostedServerApiConfig/basicAuth/existingSecret"));
    assertFalse(Secrets.isSecretPath(root, "/worker/cloudApiConfig/jobApiKeyPropagation"));
  }

  @Nested
  @DisplayName("schema strings print as JSON without databind's mapper")
  class PlainTextNodeTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
        strings = {"cloud", "", "say \"hi\"", "back\\slash", "tab\tnew\nline", "\u0001", "ünï ☃"})
    void printsLikeJackson(String text) {
      assertEquals(
          com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString(),
          new PlainTextNode(text).toString());
    }

    @Test
    void equalsAPlainTextNodeBothWays() {
      var plain = com.fasterxml.jackson.databind.node.TextNode.valueOf("cloud");
      var ours = new PlainTextNode("cloud");
      assertEquals(plain, ours);
      assertEquals(ours, plain);
      assertEquals(plain.hashCode(), ours.hashCode());
      assertTrue(java.util.Set.of(ours).contains(plain));
    }

    @Test
    void schemaStringsReadByJsonTextArePlain() throws Exception {
      assertTrue(
          JsonText.parse("{\"enum\": [\"a\"]}").root().get("enum").get(0) instanceof PlainTextNode);
    }
  }
}
