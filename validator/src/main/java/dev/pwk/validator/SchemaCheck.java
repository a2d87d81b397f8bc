package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.pwk.kube.Suggestions;
import dev.pwk.values.Location;
import dev.pwk.values.Origin;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueRenames;
import dev.pwk.values.ValuesContract;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Validates values against the chart's JSON schema (draft-07, networknt) and turns every violation
 * into a finding at the place the user wrote it: a wrong value at the value, an unknown key at the
 * key, a missing key at its parent.
 */
final class SchemaCheck implements Rule {
  static final String TYPE = "schema.type";
  static final String MSG_TYPE_SET_STRING = "schema.type.set-string";
  static final String ENUM = "schema.enum";
  static final String MSG_ENUM_SUGGEST = "schema.enum.suggest";
  static final String ADDITIONAL_PROPERTIES = "schema.additional-properties";
  static final String MSG_ADDITIONAL_PROPERTIES_SUGGEST = "schema.additional-properties.suggest";
  static final String MSG_ADDITIONAL_PROPERTIES_ALLOWED = "schema.additional-properties.allowed";
  static final String REQUIRED = "schema.required";
  static final String PATTERN = "schema.pattern";
  static final String MSG_PATTERN_MEANING = "schema.pattern.meaning";
  static final String ONE_OF = "schema.one-of";
  static final String MSG_ONE_OF_NEEDS = "schema.one-of.needs";
  static final String INVALID = "schema.invalid";

  /**
   * networknt's message keys (its keyword names) to our rule ids; anything else is {@link
   * #INVALID}. networknt's message texts are not used: ours say more, in one style.
   */
  static final Map<String, String> RULES =
      Map.of(
          "type", TYPE,
          "unionType", TYPE,
          "enum", ENUM,
          "additionalProperties", ADDITIONAL_PROPERTIES,
          "required", REQUIRED,
          "pattern", PATTERN,
          "oneOf", ONE_OF);

  /** What the schema's patterns mean, for messages. */
  private static final Map<String, String> PATTERN_MEANINGS = Map.of("^/.*$", "an absolute path");

  /** Up to this many keys, an unknown-key finding lists the keys the map takes. */
  private static final int MAX_LISTED_KEYS = 8;

  private static volatile SchemaCheck instance;

  private final Schema schema;
  private final JsonNode schemaTree;

  private SchemaCheck(JsonNode schemaTree) {
    this.schemaTree = schemaTree;
    this.schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaTree);
    schema.initializeValidators();
  }

  /** The schema check, built on first use and shared: the schema is parsed once per JVM. */
  static SchemaCheck get() {
    SchemaCheck s = instance;
    if (s == null) {
      synchronized (SchemaCheck.class) {
        s = instance;
        if (s == null) {
          try {
            s = new SchemaCheck(JsonText.parse(ValuesContract.schemaJson()).root());
          } catch (JsonText.SyntaxError e) {
            throw new IllegalStateException("bundled values.schema.json is unreadable", e);
          }
          instance = s;
        }
      }
    }
    return s;
  }

  /** The chart's schema, parsed. */
  JsonNode schemaTree() {
    return schemaTree;
  }

  @Override
  public void check(LintContext ctx, Report out) {
    List<Error> plain = new ArrayList<>();
    List<Error> oneOfs = new ArrayList<>();
    List<Error> branches = new ArrayList<>();
    for (Error e : schema.validate(ctx.tree())) {
      if (isInsideOneOf(e)) {
        branches.add(e);
      } else if ("oneOf".equals(e.getKeyword())) {
        oneOfs.add(e);
      } else {
        plain.add(e);
      }
    }
    for (Error e : plain) {
      report(ctx, out, e);
    }
    if (ctx.mode() == LintMode.FULL) {
      for (Error e : oneOfs) {
        reportOneOf(ctx, out, e, plain, branches);
      }
    }
  }

  private void report(LintContext ctx, Report out, Error e) {
    String pointer = pointer(e.getInstanceLocation());
    JsonNode value = e.getInstanceNode();
    if (ctx.mode() == LintMode.PARTIAL && value != null && value.isNull()) {
      return; // in an overlay, null deletes a key; it is not a value
    }
    String key = e.getMessageKey() != null ? e.getMessageKey() : e.getKeyword();
    switch (RULES.getOrDefault(key, INVALID)) {
      case ADDITIONAL_PROPERTIES -> reportUnknownKey(ctx, out, e, pointer);
      case TYPE -> reportType(ctx, out, e, pointer, value);
      case ENUM -> reportEnum(ctx, out, e, pointer, value);
      case REQUIRED -> {
        if (ctx.mode() == LintMode.FULL) {
          out.add(
              REQUIRED,
              Severity.ERROR,
              pointer,
              ctx.atKey(pointer),
              ctx.display(pointer),
              e.getProperty());
        }
      }
      case PATTERN -> {
        String pattern = e.getSchemaNode().asText();
        String meaning = PATTERN_MEANINGS.get(pattern);
        out.addKeyed(
            PATTERN,
            meaning == null ? PATTERN : MSG_PATTERN_MEANING,
            Severity.ERROR,
            pointer,
            ctx.at(pointer),
            ctx.display(pointer),
            pattern,
            ctx.show(pointer, value),
            meaning);
      }
      default ->
          out.add(
              INVALID,
              Severity.ERROR,
              pointer,
              ctx.at(pointer),
              ctx.display(pointer),
              e.getMessage());
    }
  }

  private void reportUnknownKey(LintContext ctx, Report out, Error e, String parent) {
    String name = e.getProperty();
    String pointer = Pointers.child(parent, name);
    Location at = ctx.atKey(pointer);
    Optional<ValueRenames.Migration> migration = Migrations.forKey(pointer);
    if (migration.isPresent()) {
      Migrations.reportKey(ctx, out, pointer, migration.get());
      return;
    }
    List<String> known = propertyNames(e);
    Optional<String> suggestion = Suggestions.closest(name, known);
    if (suggestion.isPresent()) {
      out.addKeyed(
          ADDITIONAL_PROPERTIES,
          MSG_ADDITIONAL_PROPERTIES_SUGGEST,
          Severity.ERROR,
          pointer,
          at,
          ctx.display(parent),
          name,
          suggestion.get());
    } else if (!known.isEmpty() && known.size() <= MAX_LISTED_KEYS) {
      out.addKeyed(
          ADDITIONAL_PROPERTIES,
          MSG_ADDITIONAL_PROPERTIES_ALLOWED,
          Severity.ERROR,
          pointer,
          at,
          ctx.display(parent),
          name,
          String.join(", ", known));
    } else {
      out.add(ADDITIONAL_PROPERTIES, Severity.ERROR, pointer, at, ctx.display(parent), name);
    }
  }

  private void reportType(LintContext ctx, Report out, Error e, String pointer, JsonNode value) {
    // A value a release replaced by one of another type (limit "None" by null) fails the type.
    Optional<ValueRenames.Migration> replaced = Migrations.forValue(pointer, value);
    if (replaced.isPresent()) {
      Migrations.reportValue(ctx, out, pointer, replaced.get());
      return;
    }
    Optional<ValueRenames.Migration> migration = Migrations.forText(pointer, value);
    if (migration.isPresent()) {
      Migrations.reportText(ctx, out, pointer, migration.get());
      return;
    }
    List<String> expected = new ArrayList<>();
    JsonNode types = e.getSchemaNode();
    if (types.isArray()) {
      types.forEach(t -> expected.add(t.asText()));
    } else {
      expected.add(types.asText());
    }
    String want = describeTypes(expected);
    String got = LintContext.typeName(value);
    String shown =
        value.isValueNode() && !value.isNull() ? got + " " + ctx.show(pointer, value) : got;
    Optional<Origin> origin = ctx.userOrigin(pointer);
    boolean typedBySet =
        origin.isPresent()
            && origin.get().kind() == Origin.Kind.SET
            && expected.contains("string")
            && (value.isNumber() || value.isBoolean() || value.isNull());
    out.addKeyed(
        TYPE,
        typedBySet ? MSG_TYPE_SET_STRING : TYPE,
        Severity.ERROR,
        pointer,
        ctx.at(pointer),
        ctx.display(pointer),
        want,
        shown);
  }

  private void reportEnum(LintContext ctx, Report out, Error e, String pointer, JsonNode value) {
    Optional<ValueRenames.Migration> migration = Migrations.forValue(pointer, value);
    if (migration.isPresent()) {
      Migrations.reportValue(ctx, out, pointer, migration.get());
      return;
    }
    List<String> allowed = new ArrayList<>();
    e.getSchemaNode().forEach(v -> allowed.add(v.asText()));
    String list = allowed.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    Optional<String> suggestion =
        value.isTextual() ? Suggestions.closest(value.textValue(), allowed) : Optional.empty();
    if (suggestion.isPresent()) {
      out.addKeyed(
          ENUM,
          MSG_ENUM_SUGGEST,
          Severity.ERROR,
          pointer,
          ctx.at(pointer),
          ctx.display(pointer),
          list,
          ctx.show(pointer, value),
          suggestion.get());
    } else {
      out.add(
          ENUM,
          Severity.ERROR,
          pointer,
          ctx.at(pointer),
          ctx.display(pointer),
          list,
          ctx.show(pointer, value));
    }
  }

  /**
   * One finding for a failed {@code oneOf}, unless a plain error at or below it already explains
   * the failure. When one branch fails only for missing keys, that is what the finding says (e.g.
   * {@code type Localhost needs localhostProfile}).
   */
  private void reportOneOf(
      LintContext ctx, Report out, Error oneOf, List<Error> plain, List<Error> branches) {
    String pointer = pointer(oneOf.getInstanceLocation());
    for (Error e : plain) {
      if (Pointers.isAtOrBelow(pointer(e.getInstanceLocation()), pointer)) {
        return;
      }
    }
    String prefix = oneOf.getEvaluationPath() + "/";
    Map<String, List<Error>> byBranch = new TreeMap<>();
    for (Error b : branches) {
      String path = b.getEvaluationPath().toString();
      if (path.startsWith(prefix)) {
        String rest = path.substring(prefix.length());
        String index = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        byBranch.computeIfAbsent(index, k -> new ArrayList<>()).add(b);
      }
    }
    List<String> missing = new ArrayList<>();
    for (List<Error> errors : byBranch.values()) {
      if (errors.stream().allMatch(b -> "required".equals(b.getKeyword()))
          && (missing.isEmpty() || errors.size() < missing.size())) {
        missing = errors.stream().map(Error::getProperty).toList();
      }
    }
    Optional<String> discriminator = dependencyKey(oneOf.getEvaluationPath());
    Location at = ctx.atKey(pointer);
    if (!missing.isEmpty() && discriminator.isPresent()) {
      String key = Pointers.child(pointer, discriminator.get());
      out.addKeyed(
          ONE_OF,
          MSG_ONE_OF_NEEDS,
          Severity.ERROR,
          pointer,
          at,
          ctx.display(pointer),
          discriminator.get(),
          ctx.node(key).asText(),
          String.join(", ", missing));
    } else {
      out.add(ONE_OF, Severity.ERROR, pointer, at, ctx.display(pointer));
    }
  }

  /** The property a {@code dependencies/<key>/oneOf} hangs on, e.g. {@code type}. */
  private static Optional<String> dependencyKey(NodePath evaluationPath) {
    int n = evaluationPath.getNameCount();
    if (n >= 3
        && "oneOf".equals(evaluationPath.getName(n - 1))
        && "dependencies".equals(evaluationPath.getName(n - 3))) {
      return Optional.of(evaluationPath.getName(n - 2));
    }
    return Optional.empty();
  }

  private static boolean isInsideOneOf(Error e) {
    NodePath path = e.getEvaluationPath();
    for (int i = 0; i < path.getNameCount() - 1; i++) {
      if ("oneOf".equals(path.getName(i))) {
        return true;
      }
    }
    return false;
  }

  /** The property names the schema declares next to a failed additionalProperties. */
  private List<String> propertyNames(Error e) {
    NodePath fragment = e.getSchemaLocation().getFragment();
    JsonNode node = schemaTree;
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer idx ? node.path(idx) : node.path(element.toString());
    }
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.path("properties").fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
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

  /** "an integer or null", "a string, null or an object". */
  static String describeTypes(List<String> types) {
    Map<String, String> phrases = new LinkedHashMap<>();
    for (String t : types) {
      phrases.put(
          t,
          switch (t) {
            case "integer", "object", "array" -> "an " + t;
            case "null" -> "null";
            default -> "a " + t;
          });
    }
    List<String> list = new ArrayList<>(phrases.values());
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
  }
}
