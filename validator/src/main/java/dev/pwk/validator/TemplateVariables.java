package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code variables} of a base job template: a JSON schema whose {@code properties} are the
 * variables a placeholder may name, and the value each fills its placeholders with at lint time.
 */
final class TemplateVariables {
  static final String PROPERTIES = "/variables/properties";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_REF_DEPTH = 16;
  private static final String STAND_IN_TEXT = "stand-in";

  private final JsonNode root;
  private final Map<String, JsonNode> properties = new LinkedHashMap<>();

  private TemplateVariables(JsonNode root) {
    this.root = root;
    JsonNode props = root.path("properties");
    if (props.isObject()) {
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        properties.put(e.getKey(), e.getValue());
      }
    }
  }

  /** The variables of the given {@code variables} node (none when it is not an object). */
  static TemplateVariables of(JsonNode variables) {
    return new TemplateVariables(variables == null ? NODES.objectNode() : variables);
  }

  Set<String> names() {
    return properties.keySet();
  }

  boolean declares(String name) {
    return properties.containsKey(name);
  }

  /** The template pointer of a variable's schema. */
  static String pointer(String name) {
    return Pointers.child(PROPERTIES, name);
  }

  /**
   * What a placeholder naming the variable is filled with here: the variable's default, or, when it
   * has none (or a null one, which Prefect does not use), a stand-in value of its declared type, so
   * that the types a deployment may pass are checked where the placeholder sits. A default that is
   * itself a block or Prefect-variable reference is only known at run time, so it gets a stand-in
   * too. A variable without a usable type gets nothing, like a Prefect variable without a default.
   */
  Optional<Templating.Value> value(String name) {
    JsonNode schema = properties.get(name);
    if (schema == null) {
      return Optional.empty();
    }
    JsonNode def = schema.get("default");
    if (def != null && !def.isNull() && !resolvedAtRunTime(def)) {
      return Optional.of(new Templating.Value(def, name, Pointers.child(pointer(name), "default")));
    }
    return standIn(schema, 0).map(v -> new Templating.Value(v, name, null));
  }

  /**
   * The JSON-schema type a stand-in of the variable has (for messages), or empty when the variable
   * has no usable type.
   */
  Optional<String> standInType(String name) {
    JsonNode schema = properties.get(name);
    return schema == null ? Optional.empty() : standIn(schema, 0).map(LintContext::typeName);
  }

  /**
   * True for a default that Prefect resolves only when a flow run starts: a block document
   * reference ({@code {"$ref": {"block_document_id": ...}}}) or a string that is one block or
   * Prefect-variable placeholder.
   */
  static boolean resolvedAtRunTime(JsonNode value) {
    if (value.isObject() && value.path("$ref").has("block_document_id")) {
      return true;
    }
    if (value.isTextual()) {
      for (Templating.Placeholder p : Templating.find(value.textValue())) {
        if (p.kind() == Templating.Kind.BLOCK_DOCUMENT || p.kind() == Templating.Kind.VARIABLE) {
          return true;
        }
      }
    }
    return false;
  }

  /** The schema with local {@code $ref}s followed, or the schema itself. */
  JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    for (int depth = 0; depth < MAX_REF_DEPTH && s.path("$ref").isTextual(); depth++) {
      String ref = s.get("$ref").textValue();
      if (!ref.startsWith("#")) {
        return s;
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        return s;
      }
      s = target;
    }
    return s;
  }

  private Optional<JsonNode> standIn(JsonNode schema, int depth) {
    if (depth > MAX_REF_DEPTH || !schema.isObject()) {
      return Optional.empty();
    }
    JsonNode s = resolve(schema);
    if (s.has("const") && !s.get("const").isNull()) {
      return Optional.of(s.get("const"));
    }
    if (s.path("enum").isArray()) {
      for (JsonNode e : s.get("enum")) {
        if (!e.isNull()) {
          return Optional.of(e);
        }
      }
    }
    for (String type : types(s)) {
      Optional<JsonNode> v =
          switch (type) {
            case "string" -> Optional.of(NODES.textNode(STAND_IN_TEXT));
            case "integer" -> Optional.of(NODES.numberNode(1));
            case "number" -> Optional.of(NODES.numberNode(1.0));
            case "boolean" -> Optional.of(NODES.booleanNode(true));
            case "object" -> Optional.of(NODES.objectNode());
            case "array" -> Optional.of(NODES.arrayNode());
            default -> Optional.empty();
          };
      if (v.isPresent()) {
        return v;
      }
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      for (JsonNode branch : s.path(combinator)) {
        Optional<JsonNode> v = standIn(branch, depth + 1);
        if (v.isPresent()) {
          return v;
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> types(JsonNode s) {
    List<String> out = new ArrayList<>();
    JsonNode type = s.get("type");
    if (type == null) {
      return out;
    }
    if (type.isTextual()) {
      out.add(type.textValue());
    } else {
      type.forEach(t -> out.add(t.asText()));
    }
    return out;
  }
}
