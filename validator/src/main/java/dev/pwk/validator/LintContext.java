package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.Release;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Location;
import dev.pwk.values.Origin;
import dev.pwk.values.SourceText;
import dev.pwk.values.ValuesContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a rule sees: the values with their origins, the lint mode and the release, plus the helpers
 * every rule needs (Go truthiness, locations, display paths, the chart's computed names).
 */
final class LintContext {
  static final String CHART_NAME = "prefect-worker";

  /** {@code common.names.fullname}'s cleaning of the release name. */
  private static final Pattern RELEASE_CLEANUP = Pattern.compile("(-?[^a-z\\d\\-])+-?");

  private static final int MAX_SHOWN = 60;

  private final LoadedValues values;
  private final LintMode mode;
  private final Release release;
  private final Map<String, Integer> fileRanks = new HashMap<>();
  private final Map<String, Lines> sourceLines = new HashMap<>();

  LintContext(LoadedValues values, LintMode mode, Release release) {
    this.values = values;
    this.mode = mode;
    this.release = release;
    List<SourceText> sources = values.sources();
    for (int i = 0; i < sources.size(); i++) {
      fileRanks.putIfAbsent(sources.get(i).name(), i);
    }
  }

  LintMode mode() {
    return mode;
  }

  Release release() {
    return release;
  }

  JsonNode tree() {
    return values.tree();
  }

  JsonNode userTree() {
    return values.userTree();
  }

  /** The effective value at a pointer; a missing node when absent. */
  JsonNode node(String pointer) {
    return values.tree().at(pointer);
  }

  /** True when a non-null value is present. */
  boolean isSet(String pointer) {
    JsonNode n = node(pointer);
    return !n.isMissingNode() && !n.isNull();
  }

  /** The text of a string value, or an empty string for anything else. */
  String text(String pointer) {
    JsonNode n = node(pointer);
    return n.isTextual() ? n.textValue() : "";
  }

  /** Go-template truthiness, which decides every {@code if} in the chart. */
  boolean truthy(String pointer) {
    return truthy(node(pointer));
  }

  static boolean truthy(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.doubleValue() != 0;
    }
    if (n.isTextual()) {
      return !n.textValue().isEmpty();
    }
    return n.size() > 0;
  }

  /** True when the value at the pointer is the boolean {@code true}. */
  boolean isTrue(String pointer) {
    JsonNode n = node(pointer);
    return n.isBoolean() && n.booleanValue();
  }

  /** True when the value at the pointer is the boolean {@code false}. */
  boolean isFalse(String pointer) {
    JsonNode n = node(pointer);
    return n.isBoolean() && !n.booleanValue();
  }

  /** The origin of a value the user wrote (a file or a flag), if they wrote it. */
  Optional<Origin> userOrigin(String pointer) {
    return values.origin(pointer).filter(o -> o.kind() != Origin.Kind.DEFAULTS);
  }

  boolean userWrote(String pointer) {
    return userOrigin(pointer).isPresent();
  }

  /** Where the value at the pointer was written, or the best user-written place near it. */
  Location at(String pointer) {
    return userOrigin(pointer).map(this::location).orElseGet(() -> fallback(pointer));
  }

  /** Where the key of the value at the pointer was written, or the best place near it. */
  Location atKey(String pointer) {
    return values
        .keyOrigin(pointer)
        .filter(o -> o.kind() != Origin.Kind.DEFAULTS)
        .map(this::location)
        .orElseGet(() -> fallback(pointer));
  }

  private Location fallback(String pointer) {
    Optional<Origin> near = values.nearestUserOrigin(pointer);
    if (near.isPresent()) {
      return location(near.get());
    }
    if (!values.sources().isEmpty()) {
      return new Location(values.sources().get(0).name(), 1, 1, 0);
    }
    // Nothing the user wrote is near: the chart's own values.yaml is no file of theirs to point at.
    return Location.NONE;
  }

  /** The text of a file the values were read from (a values file or a {@code --set-file} file). */
  Optional<SourceText> source(String name) {
    return values.source(name);
  }

  /** The lines of a source, split once per validation; none for an unknown source. */
  Lines lines(String source) {
    return sourceLines.computeIfAbsent(
        source, s -> Lines.of(values.source(s).map(SourceText::text).orElse("")));
  }

  /** The sort rank of a source: its position among the files, flags after them. */
  long rank(String source) {
    Integer file = fileRanks.get(source);
    return file != null ? file : 999_999L;
  }

  Location location(Origin o) {
    return switch (o.kind()) {
      case FILE ->
          new Location(
              o.source(),
              o.line(),
              valueColumn(o.source(), o.line(), o.column()),
              fileRanks.getOrDefault(o.source(), 999));
      case DEFAULTS ->
          new Location(ValuesContract.DEFAULTS_NAME, o.line(), o.column(), Long.MAX_VALUE);
      default ->
          Location.flag(
              Secrets.describe(o),
              o.column(),
              1_000_000L * (1 + o.kind().ordinal()) + Math.max(0, o.flagIndex()));
    };
  }

  /**
   * The column of the value itself: YAML starts a node at its anchor or tag ({@code &cpu "x"}),
   * while the caret belongs under the value.
   */
  private int valueColumn(String source, int line, int column) {
    if (line < 1 || column < 1) {
      return column;
    }
    Lines lines = lines(source);
    if (line > lines.size()) {
      return column;
    }
    String text = lines.get(line - 1);
    int i = column - 1;
    while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      while (i < text.length() && text.charAt(i) == ' ') {
        i++;
      }
    }
    return i < text.length() ? i + 1 : column;
  }

  /** The dotted display form of a pointer, e.g. {@code worker.config.workPool}. */
  String display(String pointer) {
    return Pointers.display(pointer, values.tree());
  }

  /** A value as shown in messages: quoted strings, plain scalars, never a secret. */
  String show(String pointer, JsonNode n) {
    if (Secrets.isSecretPath(values.tree(), pointer)) {
      return Secrets.REDACTED;
    }
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isTextual()) {
      String s = n.textValue();
      if (s.length() > MAX_SHOWN) {
        s = s.substring(0, MAX_SHOWN) + "…";
      }
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    if (n.isContainerNode()) {
      return n.isObject() ? "a map" : "a list";
    }
    return n.asText();
  }

  /**
   * The JSON-schema type name of a value: string, integer, number, boolean, null, object, array.
   */
  static String typeName(JsonNode n) {
    if (n.isTextual()) {
      return "string";
    }
    if (n.isIntegralNumber()) {
      return "integer";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isObject()) {
      return "object";
    }
    if (n.isArray()) {
      return "array";
    }
    return "null";
  }

  /** {@code common.names.name}: nameOverride or the chart name, cut to 63, one dash trimmed. */
  String chartLabelName() {
    String override = text("/nameOverride");
    return cut63(override.isEmpty() ? CHART_NAME : override);
  }

  /** {@code common.names.fullname}, as the chart computes it for this release. */
  String fullname() {
    String override = text("/fullnameOverride");
    if (!override.isEmpty()) {
      return cut63(override);
    }
    return cut63(generatedFullname());
  }

  /** The fullname before the 63-character cut, when fullnameOverride is empty. */
  String generatedFullname() {
    String override = text("/nameOverride");
    String name = override.isEmpty() ? CHART_NAME : override;
    String rel =
        RELEASE_CLEANUP.matcher(release.name().toLowerCase(java.util.Locale.ROOT)).replaceAll("-");
    return rel.contains(name) ? rel : rel + "-" + name;
  }

  /** Cut to 63 characters, then one trailing dash removed, as the Bitnami helpers do. */
  static String cut63(String s) {
    String cut = s.length() > 63 ? s.substring(0, 63) : s;
    return cut.endsWith("-") ? cut.substring(0, cut.length() - 1) : cut;
  }
}
