package dev.pwk.renderer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hpa.yaml} (docs/chart-spec.md §4.8): emitted when {@code worker.autoscaling.enabled}. It
 * is built as {@code autoscaling/v2} and converted to {@code autoscaling/v2beta2}, which has the
 * same shape, for clusters older than 1.23 that do not list {@code autoscaling/v2}.
 */
final class HpaManifest {
  static final String TEMPLATE = "hpa.yaml";
  static final String V2 = "autoscaling/v2";
  static final String V2BETA2 = "autoscaling/v2beta2";

  private HpaManifest() {}

  static Optional<HasMetadata> build(RenderContext ctx) {
    WorkerValues v = ctx.values();
    if (!v.autoscalingEnabled()) {
      return Optional.empty();
    }
    List<MetricSpec> metrics = new ArrayList<>();
    Integer cpu = v.targetCpuUtilization();
    if (cpu != null) {
      metrics.add(utilization("cpu", cpu));
    }
    Integer memory = v.targetMemoryUtilization();
    if (memory != null) {
      metrics.add(utilization("memory", memory));
    }
    Names n = ctx.names();
    HorizontalPodAutoscaler hpa =
        new HorizontalPodAutoscalerBuilder()
            .withMetadata(ctx.metadata().object(n.fullname(), n.namespace()))
            .withNewSpec()
            .withNewScaleTargetRef("apps/v1", "Deployment", n.fullname())
            .withMinReplicas(v.minReplicas())
            .withMaxReplicas(v.maxReplicas())
            .withMetrics(metrics)
            .endSpec()
            .build();
    if (apiVersion(ctx.options().capabilities()).equals(V2)) {
      return Optional.of(hpa);
    }
    io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler old =
        FreeForm.convert(
            hpa, io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler.class);
    old.setApiVersion(V2BETA2);
    return Optional.of(old);
  }

  /** {@code autoscaling/v2} from Kubernetes 1.23 or when listed, else {@code v2beta2}. */
  static String apiVersion(KubeCapabilities caps) {
    return caps.lists(V2) || caps.atLeast(1, 23) ? V2 : V2BETA2;
  }

  private static MetricSpec utilization(String resource, int percent) {
    return new MetricSpecBuilder()
        .withType("Resource")
        .withNewResource()
        .withName(resource)
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(percent)
        .endTarget()
        .endResource()
        .build();
  }
}
