package dev.pwk.renderer;

import dev.pwk.kube.Value;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.Optional;

/**
 * {@code pdb.yaml} (docs/chart-spec.md §4.8): emitted when {@code worker.podDisruptionBudget} is a
 * non-empty map, whose keys are copied into {@code spec} unchecked. It selects the worker's pods by
 * full name. It is built as {@code policy/v1} and converted to {@code policy/v1beta1} for clusters
 * older than 1.21 that do not list {@code policy/v1}.
 */
final class PdbManifest {
  static final String TEMPLATE = "pdb.yaml";
  static final String V1 = "policy/v1";
  static final String V1BETA1 = "policy/v1beta1";

  private PdbManifest() {}

  static Optional<HasMetadata> build(RenderContext ctx) {
    Value settings = ctx.values().podDisruptionBudget();
    if (!settings.truthy()) {
      return Optional.empty();
    }
    PodDisruptionBudgetSpec spec = ctx.freeForm().object(settings, PodDisruptionBudgetSpec.class);
    if (spec == null) {
      spec = new PodDisruptionBudgetSpec();
    }
    if (spec.getSelector() == null) {
      // A user selector wins, as it does for a last-wins reader of upstream's duplicate key.
      spec.setSelector(
          new LabelSelectorBuilder().withMatchLabels(ctx.metadata().pdbSelectorLabels()).build());
    }
    Names n = ctx.names();
    PodDisruptionBudget pdb =
        new PodDisruptionBudgetBuilder()
            .withMetadata(ctx.metadata().object(n.fullname(), n.namespace()))
            .withSpec(spec)
            .build();
    if (apiVersion(ctx.options().capabilities()).equals(V1)) {
      return Optional.of(pdb);
    }
    io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudget old =
        FreeForm.convert(
            pdb, io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudget.class);
    old.setApiVersion(V1BETA1);
    return Optional.of(old);
  }

  /** {@code policy/v1} from Kubernetes 1.21 or when listed, else {@code policy/v1beta1}. */
  static String apiVersion(KubeCapabilities caps) {
    return caps.lists(V1) || caps.atLeast(1, 21) ? V1 : V1BETA1;
  }
}
