package dev.pwk.renderer;

import dev.pwk.kube.Value;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigBuilder;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import java.util.ArrayList;
import java.util.List;

/** {@code deployment.yaml} (docs/chart-spec.md §4.6): the worker Deployment, always emitted. */
final class DeploymentManifest {
  static final String TEMPLATE = "deployment.yaml";
  static final String SCRATCH_VOLUME = "scratch";
  static final String BASE_JOB_TEMPLATE_VOLUME = "base-job-template-file";

  private DeploymentManifest() {}

  /**
   * The Deployment.
   *
   * @param checksum the {@code checksum/config} annotation, which rolls the pods when the generated
   *     ConfigMap changes
   */
  static Deployment build(RenderContext ctx, String checksum) {
    WorkerValues v = ctx.values();
    Names n = ctx.names();
    ChartMetadata meta = ctx.metadata();
    // Assembled with setters rather than nested fabric8 builders: each withSpec, endTemplate,
    // endSpec and build deep-copies the pod spec with its containers and env, which was most of
    // the render time.
    PodTemplateSpec template =
        new PodTemplateSpec(
            new ObjectMetaBuilder()
                .withAnnotations(meta.podAnnotations(checksum))
                .withLabels(meta.podLabels(v.podDisruptionBudget().truthy()))
                .build(),
            podSpec(ctx));
    DeploymentSpec spec = new DeploymentSpec();
    spec.setRevisionHistoryLimit(v.revisionHistoryLimit());
    spec.setReplicas(v.autoscalingEnabled() ? null : v.replicaCount());
    spec.setSelector(new LabelSelectorBuilder().withMatchLabels(meta.selectorLabels()).build());
    spec.setTemplate(template);
    Deployment deployment = new Deployment();
    deployment.setMetadata(meta.object(n.fullname(), n.namespace()));
    deployment.setSpec(spec);
    return deployment;
  }

  private static PodSpec podSpec(RenderContext ctx) {
    WorkerValues v = ctx.values();
    Names n = ctx.names();
    FreeForm ff = ctx.freeForm();
    Tpl tpl = ctx.tpl();
    PodSpec spec = new PodSpec();
    if (v.pullSecrets().truthy()) {
      List<LocalObjectReference> secrets = new ArrayList<>();
      for (Value s : v.pullSecrets().items()) {
        // The chart prints "- name: {{ . }}": an empty name (or "~") is read as null, no name.
        secrets.add(new LocalObjectReference(v.insertedOrNull(s)));
      }
      spec.setImagePullSecrets(secrets);
    }
    if (!v.dnsPolicy().isEmpty()) {
      spec.setDnsPolicy(v.dnsPolicy());
    }
    if (v.dnsConfigEnabled()) {
      spec.setDnsConfig(dnsConfig(v));
    }
    spec.setServiceAccountName(n.serviceAccountName());
    if (v.affinity().truthy()) {
      spec.setAffinity(ff.object(tpl.render(v.affinity()), Affinity.class));
    }
    if (v.nodeSelector().truthy()) {
      spec.setNodeSelector(ff.stringMap(tpl.render(v.nodeSelector())));
    }
    if (v.tolerations().truthy()) {
      spec.setTolerations(ff.list(tpl.render(v.tolerations()), Toleration.class));
    }
    if (v.podSecurityContext().truthy()) {
      spec.setSecurityContext(ff.object(v.podSecurityContext(), PodSecurityContext.class));
    }
    if (v.priorityClassName() != null) {
      spec.setPriorityClassName(v.priorityClassName());
    }
    List<Container> init = new ArrayList<>();
    if (n.baseJobTemplateOn()) {
      init.add(SyncInitContainer.build(ctx));
    }
    if (v.initExtraContainers().truthy()) {
      init.addAll(ff.containers(tpl.render(v.initExtraContainers())));
    }
    spec.setInitContainers(init);
    List<Container> containers = new ArrayList<>();
    containers.add(WorkerContainer.build(ctx));
    if (v.extraContainers().truthy()) {
      containers.addAll(ff.containers(tpl.render(v.extraContainers())));
    }
    spec.setContainers(containers);
    spec.setVolumes(volumes(ctx));
    return spec;
  }

  /** {@code dnsConfig}: all three lists (empty by default), option values as strings. */
  private static PodDNSConfig dnsConfig(WorkerValues v) {
    List<PodDNSConfigOption> options = new ArrayList<>();
    for (WorkerValues.DnsOption o : v.dnsOptions()) {
      options.add(new PodDNSConfigOption(o.name(), o.value()));
    }
    return new PodDNSConfigBuilder()
        .withNameservers(v.dnsNameservers())
        .withSearches(v.dnsSearches())
        .withOptions(options)
        .build();
  }

  /** {@code scratch}, then {@code worker.extraVolumes}, then the base job template file. */
  private static List<Volume> volumes(RenderContext ctx) {
    WorkerValues v = ctx.values();
    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder().withName(SCRATCH_VOLUME).withNewEmptyDir().endEmptyDir().build());
    if (v.extraVolumes().truthy()) {
      volumes.addAll(ctx.freeForm().list(ctx.tpl().render(v.extraVolumes()), Volume.class));
    }
    if (ctx.names().baseJobTemplateOn()) {
      volumes.add(
          new VolumeBuilder()
              .withName(BASE_JOB_TEMPLATE_VOLUME)
              .withNewConfigMap()
              .withName(ctx.names().baseJobTemplateName())
              .endConfigMap()
              .build());
    }
    return volumes;
  }
}
