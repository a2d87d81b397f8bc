package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pieces behind the base job template checks, each against Prefect's behaviour. */
class JobTemplateUnitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Nested
  @DisplayName("templating, as prefect.utilities.templating")
  class TemplatingTest {
    private final Templating.Values values =
        name ->
            switch (name) {
              case "ttl" -> value(JSON.getNodeFactory().numberNode(60), name);
              case "flag" -> value(JSON.getNodeFactory().booleanNode(true), name);
              case "name" -> value(JSON.getNodeFactory().textNode("run"), name);
              default -> Optional.empty();
            };

    private static Optional<Templating.Value> value(JsonNode v, String name) {
      return Optional.of(new Templating.Value(v, name, null));
    }

    @Test
    @DisplayName("a string that is one placeholder takes the value with its type")
    void wholeString() throws Exception {
      JsonNode out =
          Templating.apply(json("{\"a\": \"{{ ttl }}\", \"b\": \"{{flag}}\"}"), "", values).node();
      assertEquals(json("{\"a\": 60, \"b\": true}"), out);
    }

    @Test
    @DisplayName("text around a placeholder gets Python's str() of the value")
    void partial() throws Exception {
      JsonNode out =
          Templating.apply(json("{\"a\": \"{{ name }}-{{ ttl }}s {{ flag }}\"}"), "", values)
              .node();
      assertEquals("run-60s True", out.get("a").textValue());
    }

    @Test
    @DisplayName("a placeholder without a value removes its key or item, or becomes empty text")
    void notSet() throws Exception {
      JsonNode out =
          Templating.apply(
                  json(
                      "{\"a\": \"{{ missing }}\", \"b\": [\"{{ missing }}\", 1],"
                          + " \"c\": \"x{{ missing }}-\"}"),
                  "",
                  values)
              .node();
      assertEquals(json("{\"b\": [1], \"c\": \"x-\"}"), out);
    }

    @Test
    @DisplayName("block, Prefect-variable and environment placeholders are left for the worker")
    void special() throws Exception {
      String t = "{\"a\": \"{{ prefect.blocks.secret.x }}\", \"b\": \"{{ $HOME }}/x\"}";
      assertEquals(json(t), Templating.apply(json(t), "", values).node());
      assertEquals(Templating.Kind.VARIABLE, Templating.kind("prefect.variables.region"));
    }

    @Test
    @DisplayName("the placeholder pattern is Prefect's: word characters, dots, dashes, brackets, $")
    void pattern() {
      List<Templating.Placeholder> found =
          Templating.find("{{a-b.c[0]}} {{ $X }} {{ not valid }} {{ ünï }}");
      assertEquals(
          List.of("a-b.c[0]", "$X", "ünï"),
          found.stream().map(Templating.Placeholder::name).toList());
      assertEquals(0, found.get(0).start());
    }

    @Test
    @DisplayName("a filled node knows the placeholder or default it came from")
    void origins() throws Exception {
      Templating.Values fromDefault =
          name ->
              Optional.of(
                  new Templating.Value(
                      JSON.createObjectNode().put("k", 1),
                      name,
                      "/variables/properties/r/default"));
      Templating.Applied applied =
          Templating.apply(
              json("{\"x\": {\"r\": \"{{ r }}\"}}"), "/job_configuration", fromDefault);
      assertEquals(
          new Templating.Origin("/variables/properties/r/default/k", "r", true),
          applied.origin("/x/r/k"));
      assertEquals(
          new Templating.Origin("/job_configuration/x", null, false), applied.origin("/x"));
    }
  }

  @Nested
  @DisplayName("variables' stand-ins")
  class StandIns {
    @Test
    @DisplayName("a default wins; without one a value of the declared type stands in")
    void values() throws Exception {
      TemplateVariables v =
          TemplateVariables.of(
              json(
                  """
                  {"properties": {
                    "a": {"type": "integer", "default": 5},
                    "b": {"anyOf": [{"type": "null"}, {"type": "integer"}], "default": null},
                    "c": {"allOf": [{"$ref": "#/definitions/C"}]},
                    "d": {"enum": [null, "x"]},
                    "e": {"title": "no type"},
                    "f": {"type": "string", "default": "{{ prefect.blocks.secret.k }}"}},
                   "definitions": {"C": {"type": "object"}}}
                  """));
      assertEquals(5, v.value("a").orElseThrow().value().intValue());
      assertEquals("/variables/properties/a/default", v.value("a").orElseThrow().source());
      assertEquals(1, v.value("b").orElseThrow().value().intValue());
      assertNull(v.value("b").orElseThrow().source());
      assertTrue(v.value("c").orElseThrow().value().isObject());
      assertEquals("x", v.value("d").orElseThrow().value().textValue());
      assertTrue(v.value("e").isEmpty());
      assertEquals("stand-in", v.value("f").orElseThrow().value().textValue());
    }
  }

  @Nested
  @DisplayName("shlex.split")
  class ShlexTest {
    @Test
    @DisplayName("splits like Python's POSIX shlex")
    void split() {
      assertEquals(
          List.of("python", "-m", "my flows", "a\"b", "c d", "e\\f"),
          Shlex.split("python -m 'my flows' a\\\"b \"c d\" \"e\\f\"").orElseThrow());
      assertEquals(List.of(), Shlex.split("   ").orElseThrow());
      assertTrue(Shlex.split("echo 'open").isEmpty());
      assertTrue(Shlex.split("echo \\").isEmpty());
    }
  }

  @Nested
  @DisplayName("jsonpatch.make_patch")
  class Diff {
    @Test
    @DisplayName("adds, replaces and removes, with scalars compared as JSON text")
    void ops() throws Exception {
      List<JsonDiff.Op> ops =
          JsonDiff.between(
              json("{\"a\": \"1\", \"b\": 2, \"l\": [{\"n\": \"x\"}]}"),
              json("{\"a\": 1, \"c\": true, \"l\": [{\"n\": \"y\"}]}"));
      assertEquals(
          List.of(
              new JsonDiff.Op(JsonDiff.Kind.REMOVE, "/b", json("2")),
              new JsonDiff.Op(JsonDiff.Kind.ADD, "/c", json("true")),
              new JsonDiff.Op(JsonDiff.Kind.REPLACE, "/a", json("1")),
              new JsonDiff.Op(JsonDiff.Kind.REPLACE, "/l/0/n", json("\"y\""))),
          ops);
    }

    @Test
    @DisplayName("a removed value that is added elsewhere is a move, which is left out")
    void moves() throws Exception {
      assertEquals(
          List.of(),
          JsonDiff.between(
              json("{\"spec\": {\"p\": 1}, \"t\": {}}"),
              json("{\"spec\": {}, \"t\": {\"p\": 1}}")));
    }
  }

  @Nested
  @DisplayName("positions")
  class Positions {
    @Test
    @DisplayName("JSON text keeps where every value and key is, and characters inside strings")
    void jsonText() throws Exception {
      JsonText t = JsonText.parse("{\n  \"a\": [1, \"x\\n{{ y }}\"]\n}");
      assertEquals(new JsonText.Position(2, 3), t.key("/a").orElseThrow());
      assertEquals(new JsonText.Position(2, 12), t.value("/a/1").orElseThrow());
      assertEquals(new JsonText.Position(2, 16), t.inString("/a/1", 2).orElseThrow());
      JsonText.SyntaxError e =
          assertThrows(JsonText.SyntaxError.class, () -> JsonText.parse("{} x"));
      assertEquals(1, e.at().line());
      assertFalse(JsonText.parse("NaN").root().isObject());
    }

    @Test
    @DisplayName("a literal block maps line by line; a folded one does not map")
    void yamlScalars() {
      String yaml = "a:\n  b: |\n    {\n      \"c\": 1\n    }\n";
      TemplateSite.PositionMap map =
          YamlScalarPositions.of(Lines.of(yaml), 2, 6, "{\n  \"c\": 1\n}\n");
      assertEquals(
          Optional.of(new JsonText.Position(4, 7)), map.apply(new JsonText.Position(2, 3)));
      String folded = "a:\n  b: >\n    {\"c\": 1}\n";
      assertTrue(
          YamlScalarPositions.of(Lines.of(folded), 2, 6, "{\"c\": 1}\n")
              .apply(new JsonText.Position(1, 1))
              .isEmpty());
      String quoted = "b: '{\"c\": 1}'\n";
      assertEquals(
          Optional.of(new JsonText.Position(1, 6)),
          YamlScalarPositions.of(Lines.of(quoted), 1, 4, "{\"c\": 1}")
              .apply(new JsonText.Position(1, 2)));
    }
  }

  @Test
  @DisplayName("the standalone validator reports unreadable files as input findings")
  void unreadable() {
    LintTarget t = JobTemplateValidator.create().lint(Path.of("no-such-template.json"));
    assertEquals(1, t.findings().size());
    assertEquals("input.not-found", t.findings().get(0).ruleId());
  }
}
