package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.FieldChecks;
import dev.pwk.kube.KubeSyntax;
import dev.pwk.kube.Value;
import java.util.Map;
import java.util.Set;

/** Label selectors ({@code matchLabels} and {@code matchExpressions}): syntax and matching. */
final class LabelSelectors {
  private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");

  private LabelSelectors() {}

  /** Checks the selector's labels and expressions as the API server does. */
  static void check(FieldChecks c, Value selector) {
    c.labels(selector.child("matchLabels"));
    for (Value e : selector.child("matchExpressions").items()) {
      String key = c.required(e, "key");
      if (!key.isEmpty() && !KubeSyntax.QUALIFIED_NAME.accepts(key)) {
        c.error(
            e.child("key"),
            FieldChecks.INVALID_LABEL,
            FieldChecks.INVALID_LABEL + ".key",
            key,
            KubeSyntax.QUALIFIED_NAME.describe());
      }
      String operator = c.required(e, "operator");
      c.oneOf(e.child("operator"), OPERATORS);
      boolean hasValues = !FieldChecks.isEmpty(e.child("values").node());
      if ((operator.equals("In") || operator.equals("NotIn")) && !hasValues) {
        c.error(e.child("values"), FieldChecks.REQUIRED, FieldChecks.REQUIRED);
      } else if ((operator.equals("Exists") || operator.equals("DoesNotExist")) && hasValues) {
        c.error(
            e.child("values"),
            FieldChecks.INVALID_VALUE,
            FieldChecks.INVALID_VALUE + ".selector-values",
            operator);
      }
    }
  }

  /** True when the selector has neither labels nor expressions (it then selects everything). */
  static boolean isEmpty(JsonNode selector) {
    return FieldChecks.isEmpty(selector.path("matchLabels"))
        && FieldChecks.isEmpty(selector.path("matchExpressions"));
  }

  /** True when the selector matches a set of labels. */
  static boolean selects(JsonNode selector, JsonNode labels) {
    for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    for (JsonNode e : selector.path("matchExpressions")) {
      if (!matches(e, labels)) {
        return false;
      }
    }
    return true;
  }

  /** True when one {@code matchExpressions} item matches a set of labels. */
  static boolean matches(JsonNode expression, JsonNode labels) {
    JsonNode label = labels.get(expression.path("key").asText());
    boolean in = false;
    for (JsonNode v : expression.path("values")) {
      in |= label != null && v.asText().equals(label.asText());
    }
    return switch (expression.path("operator").asText()) {
      case "In" -> in;
      case "NotIn" -> !in;
      case "Exists" -> label != null;
      case "DoesNotExist" -> label == null;
      default -> false;
    };
  }
}
