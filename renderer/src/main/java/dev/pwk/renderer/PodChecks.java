package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.FieldChecks;
import dev.pwk.kube.PodRules;
import dev.pwk.kube.Value;
import java.util.Map;

/**
 * The Deployment (docs/chart-spec.md §4.6) as the API server validates it: its selector against the
 * pod template labels, then the pod spec by pwk-kube's {@link PodRules}, which the base job
 * template's pod gets too.
 */
final class PodChecks {
  static final String SELECTOR_MISMATCH = "manifest.selector-mismatch";

  private PodChecks() {}

  static void deployment(FieldChecks c, ManifestDocument doc) {
    Value spec = doc.root().child("spec");
    c.atLeast(spec.child("replicas"), 0);
    c.atLeast(spec.child("revisionHistoryLimit"), 0);
    Value template = spec.child("template");
    Value labels = template.child("metadata").child("labels");
    PodRules.templateMetadata(c, template.child("metadata"));
    Value selector = spec.child("selector");
    if (LabelSelectors.isEmpty(selector.node())) {
      c.error(selector, FieldChecks.REQUIRED, FieldChecks.REQUIRED);
    } else {
      LabelSelectors.check(c, selector);
      selectorMatches(c, selector, labels);
    }
    PodRules.check(c, template.child("spec"), PodRules.Owner.DEPLOYMENT);
  }

  /**
   * The API server rejects a Deployment whose selector does not select its own pod template. Each
   * {@code matchLabels} entry the template misses is reported at the template's label, or at the
   * selector's entry when the template has no such label.
   */
  private static void selectorMatches(FieldChecks c, Value selector, Value labels) {
    for (Map.Entry<String, JsonNode> e : selector.child("matchLabels").node().properties()) {
      Value label = labels.child(e.getKey());
      String want = e.getValue().asText();
      if (label.isNull()) {
        c.error(
            selector.child("matchLabels").child(e.getKey()),
            SELECTOR_MISMATCH,
            SELECTOR_MISMATCH + ".missing",
            e.getKey(),
            want);
      } else if (!label.node().asText().equals(want)) {
        c.error(label, SELECTOR_MISMATCH, SELECTOR_MISMATCH, label.node().asText(), want);
      }
    }
    for (Value e : selector.child("matchExpressions").items()) {
      if (!LabelSelectors.matches(e.node(), labels.node())) {
        c.error(e, SELECTOR_MISMATCH, SELECTOR_MISMATCH + ".expression");
      }
    }
  }
}
