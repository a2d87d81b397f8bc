package dev.pwk.renderer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pwk.kube.Value;
import dev.pwk.values.chart.ApiMode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code prefect-worker} container (docs/chart-spec.md §4.6): command, arguments, env, probe
 * and mounts.
 */
final class WorkerContainer {
  static final String NAME = "prefect-worker";

  private static final List<String> DEFAULT_COMMAND =
      List.of("/usr/bin/tini", "-g", "--", "/opt/prefect/entrypoint.sh");

  private WorkerContainer() {}

  static Container build(RenderContext ctx) {
    WorkerValues v = ctx.values();
    FreeForm ff = ctx.freeForm();
    List<VolumeMount> mounts =
        ctx.names().baseJobTemplateOn()
            ? SyncInitContainer.volumeMounts()
            : new ArrayList<>(scratchMounts());
    if (v.extraVolumeMounts().truthy()) {
      mounts.addAll(ff.list(ctx.tpl().render(v.extraVolumeMounts()), VolumeMount.class));
    }
    // Setters, not ContainerBuilder: the builder copies the env list twice (withEnv and build).
    Container c = new Container();
    c.setName(NAME);
    c.setImage(v.image());
    c.setImagePullPolicy(v.pullPolicy());
    c.setCommand(v.command().truthy() ? strings(v, v.command()) : new ArrayList<>(DEFAULT_COMMAND));
    c.setArgs(args(ctx));
    c.setWorkingDir(PrefectEnv.HOME);
    c.setEnv(env(ctx));
    c.setEnvFrom(envFrom(ctx));
    c.setResources(
        v.resources().truthy() ? ff.object(v.resources(), ResourceRequirements.class) : null);
    c.setSecurityContext(
        v.containerSecurityContext().truthy()
            ? ff.object(v.containerSecurityContext(), SecurityContext.class)
            : null);
    c.setLivenessProbe(v.livenessProbeEnabled() ? livenessProbe(ctx) : null);
    c.setVolumeMounts(mounts);
    return c;
  }

  /** The two scratch mounts for the home and temp directories. */
  static List<VolumeMount> scratchMounts() {
    return List.of(
        new VolumeMountBuilder()
            .withMountPath(PrefectEnv.HOME)
            .withName(DeploymentManifest.SCRATCH_VOLUME)
            .withSubPathExpr("home")
            .build(),
        new VolumeMountBuilder()
            .withMountPath("/tmp")
            .withName(DeploymentManifest.SCRATCH_VOLUME)
            .withSubPathExpr("tmp")
            .build());
  }

  /** {@code worker.args} if set; otherwise {@code prefect worker start} with every option. */
  static List<String> args(RenderContext ctx) {
    WorkerValues v = ctx.values();
    if (v.args().truthy()) {
      return strings(v, v.args());
    }
    List<String> args = new ArrayList<>(List.of("prefect", "worker", "start"));
    args.add("--type");
    args.add(v.workerType());
    args.add("--pool");
    args.add(ctx.required().workPool());
    for (String queue : v.workQueues()) {
      args.add("--work-queue");
      args.add(queue);
    }
    args.add("--install-policy");
    args.add(v.installPolicy());
    if (!v.limit().isEmpty()) {
      args.add("--limit");
      args.add(v.limit());
    }
    if (v.livenessProbeEnabled()) {
      args.add("--with-healthcheck");
    }
    if (!v.workerName().isEmpty()) {
      args.add("--name");
      args.add(v.workerName());
    }
    if (ctx.names().baseJobTemplateOn()) {
      args.add("--base-job-template");
      args.add(ConfigMapManifest.DATA_KEY);
    }
    // The chart prints each extra argument with `toString`, which turns a null into <nil>.
    for (Value item : v.extraArgs().items()) {
      args.add(item.isNull() ? GoValues.sprigToString(item.node()) : v.inserted(item));
    }
    return args;
  }

  /** The worker env in the chart's exact order. */
  static List<EnvVar> env(RenderContext ctx) {
    WorkerValues v = ctx.values();
    List<EnvVar> env = new ArrayList<>();
    env.add(PrefectEnv.value("HOME", PrefectEnv.HOME));
    env.add(
        PrefectEnv.value(
            "PREFECT_WORKER_PREFETCH_SECONDS", PrefectEnv.quoted(v, v.prefetchSeconds())));
    env.add(
        PrefectEnv.value("PREFECT_WORKER_QUERY_SECONDS", PrefectEnv.quoted(v, v.queryInterval())));
    env.add(PrefectEnv.value("PREFECT_API_ENABLE_HTTP2", PrefectEnv.quoted(v, v.http2())));
    env.add(PrefectEnv.value("PREFECT_API_URL", ctx.required().apiUrl()));
    env.add(PrefectEnv.value("PREFECT_KUBERNETES_CLUSTER_UID", ctx.clusterUid()));
    if (!v.observerClusterWide()) {
      String namespaces = v.jobNamespace().isEmpty() ? ctx.names().namespace() : v.jobNamespace();
      env.add(PrefectEnv.value("PREFECT_INTEGRATIONS_KUBERNETES_OBSERVER_NAMESPACES", namespaces));
    }
    PrefectEnv.apiKey(v).ifPresent(env::add);
    Optional<ApiMode> mode = v.apiMode();
    if (mode.equals(Optional.of(ApiMode.CUSTOMER_MANAGED_CLOUD))) {
      env.add(PrefectEnv.value("PREFECT_CLOUD_API_URL", v.cloudApiUrl()));
      String cloudUiUrl = v.cloudUiUrl();
      if (!cloudUiUrl.isEmpty()) {
        env.add(PrefectEnv.value("PREFECT_CLOUD_UI_URL", cloudUiUrl));
      }
    }
    mode.flatMap(v::cloudMode).ifPresent(m -> env.addAll(propagation(m)));
    env.add(PrefectEnv.value("PREFECT_DEBUG_MODE", PrefectEnv.quoted(v, v.debug())));
    env.addAll(PrefectEnv.authString(v));
    String authSecret = v.basicAuthExistingSecret();
    if (v.basicAuthEnabled() && authSecret != null) {
      env.add(
          PrefectEnv.value(
              "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_AUTH_STRING_SECRET_NAME",
              v.basicAuthExistingSecretName()));
      env.add(
          PrefectEnv.value(
              "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_AUTH_STRING_SECRET_KEY",
              PrefectEnv.AUTH_STRING_KEY));
    }
    if (v.extraEnvVars().truthy()) {
      env.addAll(ctx.freeForm().envVars(ctx.tpl().render(v.extraEnvVars())));
    }
    return env;
  }

  /** How flow-run pods get the API key: a Secret reference, a created Secret, or nothing. */
  private static List<EnvVar> propagation(WorkerValues.CloudMode m) {
    return switch (m.jobApiKeyPropagation()) {
      case "secretRef" ->
          List.of(
              PrefectEnv.value(
                  "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_NAME",
                  m.apiKeySecretName()),
              PrefectEnv.value(
                  "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_KEY",
                  m.apiKeySecretKey()));
      case "autoSecret" ->
          List.of(
              PrefectEnv.value(
                  "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_CREATE_SECRET_FOR_API_KEY", "true"));
      default -> List.of();
    };
  }

  /**
   * {@code envFrom}: the deprecated single ConfigMap, the ConfigMaps, the deprecated single Secret,
   * then the Secrets; every name goes through {@code tpl}.
   */
  private static List<EnvFromSource> envFrom(RenderContext ctx) {
    WorkerValues v = ctx.values();
    List<EnvFromSource> out = new ArrayList<>();
    if (v.extraEnvVarsConfigMap().truthy()) {
      out.add(configMapRef(envSourceName(ctx, v.extraEnvVarsConfigMap())));
    }
    for (Value item : v.extraEnvVarsConfigMaps().items()) {
      out.add(configMapRef(envSourceName(ctx, item)));
    }
    if (v.extraEnvVarsSecret().truthy()) {
      out.add(secretRef(envSourceName(ctx, v.extraEnvVarsSecret())));
    }
    for (Value item : v.extraEnvVarsSecrets().items()) {
      out.add(secretRef(envSourceName(ctx, item)));
    }
    return out;
  }

  private static String envSourceName(RenderContext ctx, Value name) {
    String text = ctx.values().text(name);
    String rendered = text.contains("{{") ? ctx.tpl().renderText(text, name.pointer()) : text;
    return ctx.values().insertedOrNull(name.with(TextNode.valueOf(rendered)));
  }

  private static EnvFromSource configMapRef(String name) {
    return new EnvFromSourceBuilder()
        .withNewConfigMapRef()
        .withName(name)
        .endConfigMapRef()
        .build();
  }

  private static EnvFromSource secretRef(String name) {
    return new EnvFromSourceBuilder().withNewSecretRef().withName(name).endSecretRef().build();
  }

  /** {@code httpGet /health:8080} with every key of {@code livenessProbe.config}. */
  private static Probe livenessProbe(RenderContext ctx) {
    ObjectNode probe = JsonNodeFactory.instance.objectNode();
    probe.putObject("httpGet").put("path", "/health").put("port", 8080);
    Value config = ctx.values().livenessProbeConfig();
    if (config.node().isObject()) {
      probe.setAll((ObjectNode) config.node());
    }
    return ctx.freeForm().object(config.with(probe), Probe.class);
  }

  /** A list of scalars as strings; Kubernetes takes only strings in command and args. */
  private static List<String> strings(WorkerValues v, Value list) {
    List<String> out = new ArrayList<>();
    for (Value item : list.items()) {
      out.add(v.text(item));
    }
    return out;
  }
}
