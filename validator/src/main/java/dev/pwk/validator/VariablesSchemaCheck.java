package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.pwk.kube.Suggestions;
import dev.pwk.values.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code variables} of a base job template as a JSON schema: valid against its meta-schema (the
 * draft its {@code $schema} names, else draft-07, which Prefect's generated schemas follow), and
 * every {@code default} valid against its own property's schema, local {@code $ref}s included.
 */
final class VariablesSchemaCheck {
  static final String VARIABLES_SCHEMA = "base-job-template.variables-schema";
  static final String MSG_VARIABLES_SCHEMA_TYPE = "base-job-template.variables-schema.type";
  static final String MSG_VARIABLES_SCHEMA_TYPE_SUGGEST =
      "base-job-template.variables-schema.type-suggest";
  static final String MSG_VARIABLES_SCHEMA_OTHER = "base-job-template.variables-schema.other";
  static final String DEFAULT_INVALID = "base-job-template.default-invalid";

  private static final List<String> JSON_TYPES =
      List.of("array", "boolean", "integer", "null", "number", "object", "string");

  /** Keywords whose members are schemas, not keywords: a member named "type" is a property. */
  private static final List<String> SCHEMA_MAPS =
      List.of("properties", "patternProperties", "definitions", "$defs", "dependentSchemas");

  private static final Map<SpecificationVersion, Schema> META =
      new EnumMap<>(SpecificationVersion.class);

  private VariablesSchemaCheck() {}

  static void check(JsonNode template, TemplateSite site, Report out) {
    JsonNode variables = template.get("variables");
    SpecificationVersion version =
        SpecificationVersion.fromSchemaNode(variables).orElse(SpecificationVersion.DRAFT_7);
    List<Error> errors;
    try {
      errors = meta(version).validate(variables);
    } catch (RuntimeException e) {
      report(out, site, template, "/variables", MSG_VARIABLES_SCHEMA_OTHER, e.getMessage());
      return;
    }
    Map<String, Error> byPlace = new LinkedHashMap<>();
    for (Error e : errors) {
      String pointer = "/variables" + pointer(e.getInstanceLocation());
      Error seen = byPlace.get(pointer);
      // the "type" keyword allows a type name or a list of them: prefer the enumeration error
      if (seen == null || ("enum".equals(e.getKeyword()) && !"enum".equals(seen.getKeyword()))) {
        byPlace.put(pointer, e);
      }
    }
    for (Map.Entry<String, Error> entry : byPlace.entrySet()) {
      reportMeta(out, site, template, entry.getKey(), entry.getValue());
    }
    if (byPlace.isEmpty() && !hasRemoteRef(variables)) {
      checkDefaults(template, variables, version, site, out);
    }
  }

  private static void reportMeta(
      Report out, TemplateSite site, JsonNode template, String pointer, Error e) {
    JsonNode value = template.at(pointer);
    String display = Pointers.display(pointer, template);
    if (isTypeKeyword(pointer) && value.isTextual()) {
      Optional<String> suggestion = Suggestions.closest(value.textValue(), JSON_TYPES);
      out.addKeyed(
          VARIABLES_SCHEMA,
          suggestion.isPresent() ? MSG_VARIABLES_SCHEMA_TYPE_SUGGEST : MSG_VARIABLES_SCHEMA_TYPE,
          Severity.ERROR,
          site.path(pointer),
          site.at(pointer),
          display,
          JobTemplateCheck.show(value),
          suggestion.orElse(""));
    } else if ("type".equals(e.getKeyword())) {
      out.add(
          VARIABLES_SCHEMA,
          Severity.ERROR,
          site.path(pointer),
          site.at(pointer),
          display,
          expectedTypes(e),
          LintContext.typeName(value));
    } else {
      report(out, site, template, pointer, MSG_VARIABLES_SCHEMA_OTHER, e.getMessage());
    }
  }

  private static void report(
      Report out, TemplateSite site, JsonNode template, String pointer, String key, String detail) {
    out.addKeyed(
        VARIABLES_SCHEMA,
        key,
        Severity.ERROR,
        site.path(pointer),
        site.at(pointer),
        Pointers.display(pointer, template),
        detail);
  }

  /** A pointer to a {@code type} keyword, not to a property that happens to be named "type". */
  private static boolean isTypeKeyword(String pointer) {
    List<String> segments = Pointers.segments(pointer);
    if (segments.size() < 2 || !segments.get(segments.size() - 1).equals("type")) {
      return false;
    }
    return !SCHEMA_MAPS.contains(segments.get(segments.size() - 2));
  }

  /**
   * Each default against its property's schema: the instance {@code {name: default}} against the
   * variables schema without its {@code required} list, so that local references still resolve.
   */
  private static void checkDefaults(
      JsonNode template,
      JsonNode variables,
      SpecificationVersion version,
      TemplateSite site,
      Report out) {
    JsonNode properties = variables.path("properties");
    if (!properties.isObject()) {
      return;
    }
    // a shallow copy: the schema is only read, so its members can be shared
    ObjectNode schemaNode = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> member : variables.properties()) {
      if (!member.getKey().equals("required")) {
        schemaNode.set(member.getKey(), member.getValue());
      }
    }
    Schema schema;
    try {
      schema = registry(version).getSchema(schemaNode);
    } catch (RuntimeException e) {
      report(out, site, template, "/variables", MSG_VARIABLES_SCHEMA_OTHER, e.getMessage());
      return;
    }
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      JsonNode def = property.getValue().get("default");
      if (def == null || TemplateVariables.resolvedAtRunTime(def)) {
        continue;
      }
      ObjectNode instance = schemaNode.objectNode();
      instance.set(property.getKey(), def);
      String prefix = "/" + property.getKey().replace("~", "~0").replace("/", "~1");
      String defaultPointer =
          Pointers.child(TemplateVariables.pointer(property.getKey()), "default");
      List<Error> errors;
      try {
        errors = schema.validate(instance);
      } catch (RuntimeException e) {
        continue; // the schema itself cannot be evaluated; its meta-schema check passed
      }
      Map<String, Error> byPlace = new LinkedHashMap<>();
      for (Error e : errors) {
        String p = pointer(e.getInstanceLocation());
        if (Pointers.isAtOrBelow(p, prefix)) {
          byPlace.putIfAbsent(defaultPointer + p.substring(prefix.length()), e);
        }
      }
      for (Map.Entry<String, Error> entry : byPlace.entrySet()) {
        String pointer = entry.getKey();
        JsonNode value = template.at(pointer);
        out.add(
            DEFAULT_INVALID,
            Severity.ERROR,
            site.path(pointer),
            site.at(pointer),
            Pointers.display(pointer, template),
            JobTemplateCheck.show(value),
            problem(entry.getValue()));
      }
    }
  }

  /** networknt's verdict in the wording of the values schema's findings. */
  private static String problem(Error e) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    return switch (keyword) {
      case "type" -> "it must be " + expectedTypes(e);
      case "enum" -> {
        List<String> allowed = new ArrayList<>();
        e.getSchemaNode().forEach(v -> allowed.add(JobTemplateCheck.show(v)));
        yield "it must be one of " + String.join(", ", allowed);
      }
      case "required" -> "it is missing the required key '" + e.getProperty() + "'";
      default -> e.getMessage();
    };
  }

  private static String expectedTypes(Error e) {
    JsonNode types = e.getSchemaNode();
    List<String> expected = new ArrayList<>();
    if (types != null && types.isArray()) {
      types.forEach(t -> expected.add(t.asText()));
    } else if (types != null && types.isTextual()) {
      expected.add(types.textValue());
    } else if (e.getArguments() != null && e.getArguments().length > 1) {
      expected.add(String.valueOf(e.getArguments()[1]));
    }
    return SchemaCheck.describeTypes(expected);
  }

  /** True when a {@code $ref} leaves the document, which is never fetched. */
  private static boolean hasRemoteRef(JsonNode n) {
    if (n.isObject()) {
      JsonNode ref = n.get("$ref");
      if (ref != null && ref.isTextual() && !ref.textValue().startsWith("#")) {
        return true;
      }
    }
    for (JsonNode child : n) {
      if (hasRemoteRef(child)) {
        return true;
      }
    }
    return false;
  }

  private static String pointer(NodePath path) {
    String p = "";
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      p =
          element instanceof Integer idx
              ? Pointers.child(p, idx)
              : Pointers.child(p, element.toString());
    }
    return p;
  }

  private static SchemaRegistry registry(SpecificationVersion version) {
    return SchemaRegistry.withDefaultDialect(version);
  }

  /** The bundled meta-schema of a draft, compiled once per JVM. */
  private static Schema meta(SpecificationVersion version) {
    synchronized (META) {
      return META.computeIfAbsent(
          version,
          v -> {
            Schema s = registry(v).getSchema(SchemaLocation.of(v.getDialectId()));
            s.initializeValidators();
            return s;
          });
    }
  }
}
