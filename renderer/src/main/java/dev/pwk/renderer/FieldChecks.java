package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.KubeSyntax;
import dev.pwk.kube.Quantity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Field-level checks shared by every kind: required fields, names, labels, annotations, enums,
 * ranges and quantities, as the API server's validation applies them. One instance checks one
 * document.
 */
final class FieldChecks {
  static final String REQUIRED = "manifest.required-field";
  static final String INVALID_NAME = "manifest.invalid-name";
  static final String INVALID_LABEL = "manifest.invalid-label";
  static final String INVALID_ANNOTATION = "manifest.invalid-annotation";
  static final String INVALID_VALUE = "manifest.invalid-value";
  static final String INVALID_QUANTITY = "manifest.invalid-quantity";

  /** The API server's limit on the total size of an object's annotations. */
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  private final ManifestDocument doc;
  private final ManifestReport out;

  FieldChecks(ManifestDocument doc, ManifestReport out) {
    this.doc = doc;
    this.out = out;
  }

  ManifestDocument document() {
    return doc;
  }

  ManifestReport report() {
    return out;
  }

  void error(Value at, String ruleId, String messageKey, Object... args) {
    out.error(doc, at, ruleId, messageKey, args);
  }

  void warning(Value at, String ruleId, String messageKey, Object... args) {
    out.warning(doc, at, ruleId, messageKey, args);
  }

  /** {@code parent.field} as text; reports it and returns empty when absent or empty. */
  String required(Value parent, String field) {
    Value v = parent.child(field);
    String text = text(v);
    if (text.isEmpty()) {
      error(v, REQUIRED, REQUIRED);
    }
    return text;
  }

  /** Reports {@code parent.field} when it is absent or an empty list or map. */
  boolean requiredNonEmpty(Value parent, String field) {
    Value v = parent.child(field);
    if (isEmpty(v.node())) {
      error(v, REQUIRED, REQUIRED);
      return false;
    }
    return true;
  }

  /** Checks a name that is present; an absent one is left to {@link #required}. */
  void name(Value at, KubeSyntax syntax) {
    String text = text(at);
    if (!text.isEmpty() && !syntax.accepts(text)) {
      error(at, INVALID_NAME, INVALID_NAME, text, syntax.describe());
    }
  }

  /** {@code metadata}: name, namespace, labels and annotations. */
  void metadata(Value meta, KubeSyntax nameSyntax) {
    if (!required(meta, "name").isEmpty()) {
      name(meta.child("name"), nameSyntax);
    }
    name(meta.child("namespace"), KubeSyntax.DNS_LABEL);
    labels(meta.child("labels"));
    annotations(meta.child("annotations"));
  }

  /** Label keys and values (also node selectors and {@code matchLabels}). */
  void labels(Value map) {
    for (Map.Entry<String, JsonNode> e : map.node().properties()) {
      Value entry = map.child(e.getKey());
      if (!KubeSyntax.QUALIFIED_NAME.accepts(e.getKey())) {
        error(
            entry,
            INVALID_LABEL,
            INVALID_LABEL + ".key",
            e.getKey(),
            KubeSyntax.QUALIFIED_NAME.describe());
      }
      String value = e.getValue().asText();
      if (!KubeSyntax.LABEL_VALUE.accepts(value)) {
        error(entry, INVALID_LABEL, INVALID_LABEL, value, KubeSyntax.LABEL_VALUE.describe());
      }
    }
  }

  /** Annotation keys, and the total size the API server allows. */
  void annotations(Value map) {
    long bytes = 0;
    for (Map.Entry<String, JsonNode> e : map.node().properties()) {
      if (!KubeSyntax.QUALIFIED_NAME.accepts(e.getKey())) {
        error(
            map.child(e.getKey()),
            INVALID_ANNOTATION,
            INVALID_ANNOTATION,
            e.getKey(),
            KubeSyntax.QUALIFIED_NAME.describe());
      }
      bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      bytes += e.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_ANNOTATIONS_BYTES) {
      error(
          map,
          INVALID_ANNOTATION,
          INVALID_ANNOTATION + ".size",
          String.valueOf(bytes),
          String.valueOf(MAX_ANNOTATIONS_BYTES));
    }
  }

  /** A present value that must be one of {@code allowed}. */
  void oneOf(Value at, Set<String> allowed) {
    String text = text(at);
    if (!text.isEmpty() && !allowed.contains(text)) {
      error(at, INVALID_VALUE, INVALID_VALUE + ".enum", text, String.join(", ", sorted(allowed)));
    }
  }

  /** A present integer that must be at least {@code min}. */
  void atLeast(Value at, long min) {
    JsonNode n = at.node();
    if (n.isIntegralNumber() && n.longValue() < min) {
      error(at, INVALID_VALUE, INVALID_VALUE + ".min", n.asText(), String.valueOf(min));
    }
  }

  /** A present integer that must lie in {@code [min, max]}. */
  void between(Value at, long min, long max) {
    JsonNode n = at.node();
    if (n.isIntegralNumber() && (n.longValue() < min || n.longValue() > max)) {
      error(
          at,
          INVALID_VALUE,
          INVALID_VALUE + ".range",
          n.asText(),
          String.valueOf(min),
          String.valueOf(max));
    }
  }

  /** A present quantity, in base units; reports one that does not parse. */
  Optional<BigDecimal> quantity(Value at) {
    if (at.isNull()) {
      return Optional.empty();
    }
    String text = at.node().asText();
    Optional<BigDecimal> q = Quantity.parse(text);
    if (q.isEmpty()) {
      error(at, INVALID_QUANTITY, INVALID_QUANTITY, text);
    }
    return q;
  }

  /** A scalar as text; empty when absent, null or not a scalar. */
  static String text(Value v) {
    JsonNode n = v.node();
    return n.isValueNode() && !n.isNull() ? n.asText() : "";
  }

  /** True for an absent or null value, an empty string, list or map. */
  static boolean isEmpty(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return true;
    }
    if (n.isContainerNode()) {
      return n.isEmpty();
    }
    return n.isTextual() && n.textValue().isEmpty();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
