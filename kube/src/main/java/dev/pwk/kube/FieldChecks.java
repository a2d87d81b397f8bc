package dev.pwk.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Severity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Field-level checks shared by every kind: required fields, names, labels, annotations, enums,
 * ranges and quantities, as the API server's validation applies them. One instance checks one
 * object and reports to its {@link FindingSink}. Rule ids are in the {@value #FAMILY} family;
 * messages name the offending field in its {@link Value#dotted() dotted} form first.
 */
public final class FieldChecks {
  /** The family of the rule ids these checks and {@link PodRules} report. */
  public static final String FAMILY = "manifest";

  /** A field the API server requires is absent or empty. */
  public static final String REQUIRED = "manifest.required-field";

  /** A name that does not follow its Kubernetes syntax ({@link KubeSyntax}). */
  public static final String INVALID_NAME = "manifest.invalid-name";

  /** A label key or value Kubernetes rejects (also in selectors and tolerations). */
  public static final String INVALID_LABEL = "manifest.invalid-label";

  /** An annotation key Kubernetes rejects, or annotations too large in total. */
  public static final String INVALID_ANNOTATION = "manifest.invalid-annotation";

  /** An enum, range or combination of fields the API server rejects. */
  public static final String INVALID_VALUE = "manifest.invalid-value";

  /** A resource quantity that does not parse, or is negative. */
  public static final String INVALID_QUANTITY = "manifest.invalid-quantity";

  /** The API server's limit on the total size of an object's annotations. */
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  private final FindingSink sink;
  private final Function<String, String> callerPatterns;

  /**
   * Checks that report to {@code sink}.
   *
   * @param callerPatterns the message patterns of the caller's own rules by key (null for an
   *     unknown key), for {@link #error} and {@link #warning} with a key pwk-kube does not have
   */
  public FieldChecks(FindingSink sink, Function<String, String> callerPatterns) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.callerPatterns = Objects.requireNonNull(callerPatterns, "callerPatterns");
  }

  /** An error about the field at {@code at}; {@code args} fill {@code {1}}, {@code {2}}, …. */
  public void error(Value at, String ruleId, String messageKey, Object... args) {
    add(at, ruleId, Severity.ERROR, messageKey, args);
  }

  /** A warning about the field at {@code at}; {@code args} fill {@code {1}}, {@code {2}}, …. */
  public void warning(Value at, String ruleId, String messageKey, Object... args) {
    add(at, ruleId, Severity.WARNING, messageKey, args);
  }

  private void add(Value at, String ruleId, Severity severity, String messageKey, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = at.dotted();
    System.arraycopy(args, 0, all, 1, args.length);
    String pattern = Messages.pattern(messageKey);
    if (pattern == null) {
      pattern = callerPatterns.apply(messageKey);
    }
    if (pattern == null) {
      throw new IllegalStateException("no message for " + messageKey);
    }
    sink.add(at, ruleId, severity, Messages.format(pattern, all));
  }

  /** {@code parent.field} as text; reports it and returns empty when absent or empty. */
  public String required(Value parent, String field) {
    Value v = parent.child(field);
    String text = text(v);
    if (text.isEmpty()) {
      error(v, REQUIRED, REQUIRED);
    }
    return text;
  }

  /** Reports {@code parent.field} when it is absent or an empty list or map. */
  public boolean requiredNonEmpty(Value parent, String field) {
    Value v = parent.child(field);
    if (isEmpty(v.node())) {
      error(v, REQUIRED, REQUIRED);
      return false;
    }
    return true;
  }

  /** Checks a name that is present; an absent one is left to {@link #required}. */
  public void name(Value at, KubeSyntax syntax) {
    String text = text(at);
    if (!text.isEmpty() && !syntax.accepts(text)) {
      error(at, INVALID_NAME, INVALID_NAME, text, syntax.describe());
    }
  }

  /** {@code metadata}: name, namespace, labels and annotations. */
  public void metadata(Value meta, KubeSyntax nameSyntax) {
    if (!required(meta, "name").isEmpty()) {
      name(meta.child("name"), nameSyntax);
    }
    name(meta.child("namespace"), KubeSyntax.DNS_LABEL);
    labels(meta.child("labels"));
    annotations(meta.child("annotations"));
  }

  /** Label keys and values (also node selectors and {@code matchLabels}). */
  public void labels(Value map) {
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
  public void annotations(Value map) {
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
  public void oneOf(Value at, Set<String> allowed) {
    String text = text(at);
    if (!text.isEmpty() && !allowed.contains(text)) {
      error(at, INVALID_VALUE, INVALID_VALUE + ".enum", text, String.join(", ", sorted(allowed)));
    }
  }

  /** A present integer that must be at least {@code min}. */
  public void atLeast(Value at, long min) {
    JsonNode n = at.node();
    if (n.isIntegralNumber() && n.longValue() < min) {
      error(at, INVALID_VALUE, INVALID_VALUE + ".min", n.asText(), String.valueOf(min));
    }
  }

  /** A present integer that must lie in {@code [min, max]}. */
  public void between(Value at, long min, long max) {
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

  /** A present resource quantity, in base units; reports one that does not parse or is negative. */
  public Optional<BigDecimal> quantity(Value at) {
    if (at.isNull()) {
      return Optional.empty();
    }
    String text = at.node().asText();
    Optional<BigDecimal> q = Quantity.parseResource(text);
    if (q.isEmpty()) {
      boolean negative = Quantity.parse(text).isPresent();
      error(at, INVALID_QUANTITY, INVALID_QUANTITY + (negative ? ".negative" : ""), text);
    }
    return q;
  }

  /** A scalar as text; empty when absent, null or not a scalar. */
  public static String text(Value v) {
    JsonNode n = v.node();
    return n.isValueNode() && !n.isNull() ? n.asText() : "";
  }

  /** True for an absent or null value, an empty string, list or map. */
  public static boolean isEmpty(JsonNode n) {
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
