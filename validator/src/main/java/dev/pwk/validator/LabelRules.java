package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Severity;
import java.util.Map;
import java.util.Set;

/**
 * Label and annotation maps: key and value syntax, non-string values (which upstream inserts raw),
 * and keys that repeat a label the chart sets itself. Entries holding a template expression are
 * left alone: they are only known after {@code tpl}.
 */
final class LabelRules implements Rule {
  static final String INVALID_KEY = "labels.invalid-key";
  static final String INVALID_VALUE = "labels.invalid-value";
  static final String OVERRIDES_CHART_LABEL = "labels.overrides-chart-label";
  static final String SELECTOR_CONFLICT = "labels.selector-conflict";
  static final String INVALID_ANNOTATION_KEY = "annotations.invalid-key";
  static final String NON_STRING_VALUE = "metadata.non-string-value";

  /** Labels the chart puts on every object (and on the pod template). */
  private static final Set<String> CHART_LABELS =
      Set.of(
          "app.kubernetes.io/name",
          "helm.sh/chart",
          "app.kubernetes.io/instance",
          "app.kubernetes.io/managed-by",
          "app.kubernetes.io/version",
          "app.kubernetes.io/component",
          "prefect-version");

  private static final String PDB_LABEL = "prefect.io/worker-deployment-name";

  @Override
  public void check(LintContext ctx, Report out) {
    checkLabels(ctx, out, "/commonLabels", Map.of());
    Map<String, String> selector =
        Map.of(
            "app.kubernetes.io/name", ctx.chartLabelName(),
            "app.kubernetes.io/instance", ctx.release().name(),
            "app.kubernetes.io/component", "worker");
    checkLabels(ctx, out, "/worker/podLabels", selector);
    checkAnnotations(ctx, out, "/commonAnnotations");
    checkAnnotations(ctx, out, "/worker/podAnnotations");
    checkAnnotations(ctx, out, "/serviceAccount/annotations");
  }

  private static void checkLabels(
      LintContext ctx, Report out, String map, Map<String, String> selector) {
    boolean pdb = ctx.truthy("/worker/podDisruptionBudget");
    for (Map.Entry<String, JsonNode> e : ctx.node(map).properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      String p = Pointers.child(map, key);
      if (key.contains("{{") || (value.isTextual() && value.textValue().contains("{{"))) {
        continue;
      }
      if (!K8sNames.isQualifiedName(key)) {
        out.add(INVALID_KEY, Severity.ERROR, p, ctx.atKey(p), ctx.display(map), key);
        continue;
      }
      if (!checkValue(ctx, out, p, value)) {
        continue;
      }
      String text = value.asText();
      String required = selector.get(key);
      if (required != null && !required.equals(text)) {
        out.add(SELECTOR_CONFLICT, Severity.ERROR, p, ctx.atKey(p), ctx.display(p), required);
      } else if (required == null
          && (CHART_LABELS.contains(key)
              || (pdb && selector.size() > 0 && key.equals(PDB_LABEL)))) {
        out.add(OVERRIDES_CHART_LABEL, Severity.WARNING, p, ctx.atKey(p), ctx.display(map), key);
      }
    }
  }

  /** Reports a bad label value; true when the value is usable. */
  private static boolean checkValue(LintContext ctx, Report out, String p, JsonNode value) {
    if (value.isNumber() || value.isBoolean()) {
      out.add(NON_STRING_VALUE, Severity.WARNING, p, ctx.at(p), ctx.display(p), value.asText());
      return K8sNames.LABEL_VALUE.accepts(value.asText());
    }
    if (!value.isTextual() || !K8sNames.LABEL_VALUE.accepts(value.textValue())) {
      out.add(
          INVALID_VALUE,
          Severity.ERROR,
          p,
          ctx.at(p),
          ctx.display(p),
          ctx.show(p, value),
          K8sNames.LABEL_VALUE.describe());
      return false;
    }
    return true;
  }

  private static void checkAnnotations(LintContext ctx, Report out, String map) {
    for (Map.Entry<String, JsonNode> e : ctx.node(map).properties()) {
      String key = e.getKey();
      String p = Pointers.child(map, key);
      if (key.contains("{{")) {
        continue;
      }
      if (!K8sNames.isQualifiedName(key)) {
        out.add(INVALID_ANNOTATION_KEY, Severity.ERROR, p, ctx.atKey(p), ctx.display(map), key);
      } else if (e.getValue().isNumber() || e.getValue().isBoolean()) {
        out.add(
            NON_STRING_VALUE,
            Severity.WARNING,
            p,
            ctx.at(p),
            ctx.display(p),
            e.getValue().asText());
      }
    }
  }
}
