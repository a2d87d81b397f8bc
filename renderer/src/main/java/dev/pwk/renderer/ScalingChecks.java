package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.FieldChecks;
import dev.pwk.kube.IntOrPercent;
import dev.pwk.kube.Value;
import java.util.Optional;
import java.util.Set;

/**
 * The HorizontalPodAutoscaler and PodDisruptionBudget (docs/chart-spec.md §4.8): the fields the API
 * server requires, and whether they act on the rendered Deployment and its pods.
 */
final class ScalingChecks {
  static final String SCALE_TARGET = "manifest.scale-target";
  static final String PDB_SELECTOR = "manifest.pdb-selector";
  static final String PDB_BUDGET = "manifest.pdb-budget";

  private static final Set<String> METRIC_TYPES =
      Set.of("Resource", "Pods", "Object", "External", "ContainerResource");
  private static final Set<String> TARGET_TYPES = Set.of("Utilization", "Value", "AverageValue");
  private static final Set<String> EVICTION_POLICIES = Set.of("IfHealthyBudget", "AlwaysAllow");

  private ScalingChecks() {}

  static void hpa(FieldChecks c, ManifestDocument doc, Optional<ManifestDocument> deployment) {
    Value spec = doc.root().child("spec");
    Value target = spec.child("scaleTargetRef");
    String kind = c.required(target, "kind");
    String name = c.required(target, "name");
    if (spec.child("maxReplicas").isNull()) {
      c.error(spec.child("maxReplicas"), FieldChecks.REQUIRED, FieldChecks.REQUIRED);
    }
    c.atLeast(spec.child("maxReplicas"), 1);
    c.atLeast(spec.child("minReplicas"), 1);
    JsonNode min = spec.child("minReplicas").node();
    JsonNode max = spec.child("maxReplicas").node();
    if (min.isIntegralNumber() && max.isIntegralNumber() && min.longValue() > max.longValue()) {
      c.error(
          spec.child("minReplicas"),
          FieldChecks.INVALID_VALUE,
          FieldChecks.INVALID_VALUE + ".min-above-max",
          min.asText(),
          max.asText());
    }
    for (Value metric : spec.child("metrics").items()) {
      c.required(metric, "type");
      c.oneOf(metric.child("type"), METRIC_TYPES);
      Value resource = metric.child("resource");
      if (!FieldChecks.text(metric.child("type")).equals("Resource")) {
        continue;
      }
      c.required(resource, "name");
      Value metricTarget = resource.child("target");
      String type = c.required(metricTarget, "type");
      c.oneOf(metricTarget.child("type"), TARGET_TYPES);
      if (type.equals("Utilization")) {
        c.atLeast(metricTarget.child("averageUtilization"), 1);
      }
    }
    if (deployment.isPresent() && !kind.isEmpty() && !name.isEmpty()) {
      ManifestDocument d = deployment.get();
      String apiVersion = FieldChecks.text(target.child("apiVersion"));
      if (!kind.equals(d.kind())
          || !name.equals(d.name())
          || !apiVersion.equals(d.tree().path("apiVersion").asText())) {
        c.error(target, SCALE_TARGET, SCALE_TARGET, apiVersion, kind, name, d.name());
      }
    }
  }

  static void pdb(FieldChecks c, ManifestDocument doc, Optional<ManifestDocument> deployment) {
    Value spec = doc.root().child("spec");
    Value minAvailable = spec.child("minAvailable");
    Value maxUnavailable = spec.child("maxUnavailable");
    if (!minAvailable.isNull() && !maxUnavailable.isNull()) {
      c.error(spec, FieldChecks.INVALID_VALUE, FieldChecks.INVALID_VALUE + ".pdb-both");
    } else if (minAvailable.isNull() && maxUnavailable.isNull()) {
      c.warning(spec, PDB_BUDGET, PDB_BUDGET);
    }
    budget(c, minAvailable);
    budget(c, maxUnavailable);
    c.oneOf(spec.child("unhealthyPodEvictionPolicy"), EVICTION_POLICIES);
    Value selector = spec.child("selector");
    if (LabelSelectors.isEmpty(selector.node())) {
      c.warning(selector, PDB_SELECTOR, PDB_SELECTOR + ".empty");
      return;
    }
    LabelSelectors.check(c, selector);
    if (deployment.isPresent()) {
      JsonNode podLabels = deployment.get().tree().at("/spec/template/metadata/labels");
      if (!LabelSelectors.selects(selector.node(), podLabels)) {
        c.warning(selector, PDB_SELECTOR, PDB_SELECTOR, deployment.get().name());
      }
    }
  }

  /** {@code minAvailable} or {@code maxUnavailable}: as {@link IntOrPercent#isBudget}. */
  private static void budget(FieldChecks c, Value at) {
    JsonNode n = at.node();
    boolean ok = at.isNull() || IntOrPercent.isBudget(n);
    if (!ok) {
      c.error(at, FieldChecks.INVALID_VALUE, FieldChecks.INVALID_VALUE + ".pdb-budget", n.asText());
    }
  }
}
