package dev.pwk.renderer;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.Value;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.chart.ApiMode;
import dev.pwk.values.chart.ChartValue;
import dev.pwk.values.chart.ChartValues;
import dev.pwk.values.chart.RequiredValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chart's values as the renderer uses them, read through the chart model ({@link ChartValues}):
 * scalars come back as Go templates would print them; free-form parts come back as {@link Value}s,
 * which keep their path for findings.
 */
final class WorkerValues {
  private final LoadedValues values;
  private final JsonNode root;
  private final ChartValues chart;
  private final ChartValues.Worker worker;
  private final ChartValues.WorkerConfig config;
  private final Problems problems;
  private final Set<String> missingMaps = new HashSet<>();

  WorkerValues(LoadedValues values, Problems problems) {
    this.values = values;
    this.root = values.tree();
    this.chart = ChartValues.of(root);
    this.worker = chart.worker();
    this.config = worker.config();
    this.problems = problems;
  }

  private Value at(ChartValue v) {
    return new Value(v.pointer(), present(v).node());
  }

  /** Go template truthiness of a value the chart reads, checked as {@link #present} checks it. */
  private boolean truthy(ChartValue v) {
    return present(v).truthy();
  }

  /**
   * The value, after reporting a missing map on its way (a user's null deletes a default): the
   * chart reads the value with {@code .Values.a.b.c}, which fails in Go's templates when {@code
   * a.b} is nil.
   */
  private ChartValue present(ChartValue v) {
    if (v.node().isMissingNode()) {
      reportMissingMap(v.pointer());
    }
    return v;
  }

  private void reportMissingMap(String pointer) {
    for (int slash = pointer.indexOf('/', 1); slash > 0; slash = pointer.indexOf('/', slash + 1)) {
      String parent = pointer.substring(0, slash);
      if (root.at(JsonPointer.compile(parent)).isMissingNode()) {
        if (missingMaps.add(parent)) {
          problems.add(
              parent,
              FreeForm.RENDER_TYPE,
              Messages.get("render.type.missing-map", Value.dotted(parent), Value.dotted(pointer)));
        }
        return;
      }
    }
  }

  /**
   * {@code nameOverride} as the chart's name helpers print it: its text when set (truthy), else
   * empty, so that they fall back to the chart name.
   */
  String nameOverridePrinted() {
    return printedIfSet(at(chart.nameOverride()));
  }

  /** {@code fullnameOverride} as {@code common.names.fullname} prints it, or empty when unset. */
  String fullnameOverridePrinted() {
    return printedIfSet(at(chart.fullnameOverride()));
  }

  private String printedIfSet(Value v) {
    return v.truthy() ? scalar(v) : "";
  }

  /**
   * {@code common.names.name} as Helm reads back what the helper printed unquoted: null where YAML
   * reads null ({@code "~"}), {@code ""} for a tag alone ({@code "!bang"}); reported at {@code
   * nameOverride} where it does not parse.
   */
  String nameReadBack(String printedName) {
    return readBack(printedName, at(chart.nameOverride()));
  }

  /**
   * {@code common.names.fullname} as Helm reads back what the helper printed unquoted, blamed on
   * the override it came from; a name that reads as null is reported, as every object would carry
   * it.
   */
  String fullnameReadBack(String printedFullname) {
    Value full = at(chart.fullnameOverride());
    Value source = full.truthy() ? full : at(chart.nameOverride());
    String read = readBack(printedFullname, source);
    if (read == null) {
      problems.add(
          source.pointer(),
          FreeForm.RENDER_TYPE,
          Messages.get("render.type.null-name", source.dotted()));
      return "";
    }
    return read;
  }

  String namespaceOverride() {
    return truthyText(chart.namespaceOverride());
  }

  Value commonLabels() {
    return at(chart.commonLabels());
  }

  Value commonAnnotations() {
    return at(chart.commonAnnotations());
  }

  boolean serviceAccountCreate() {
    return truthy(chart.serviceAccount().create());
  }

  String serviceAccountName() {
    return inserted(chart.serviceAccount().name());
  }

  Value serviceAccountAnnotations() {
    return at(chart.serviceAccount().annotations());
  }

  boolean roleCreate() {
    return truthy(chart.role().create());
  }

  String roleNamespace() {
    return truthyText(chart.role().namespace());
  }

  Value roleExtraPermissions() {
    return at(chart.role().extraPermissions());
  }

  boolean roleBindingCreate() {
    return truthy(chart.rolebinding().create());
  }

  boolean autoscalingEnabled() {
    return truthy(worker.autoscaling().enabled());
  }

  Integer minReplicas() {
    return integer(at(worker.autoscaling().minReplicas()));
  }

  Integer maxReplicas() {
    return integer(at(worker.autoscaling().maxReplicas()));
  }

  /** The CPU utilisation target, or null when falsy (no metric). */
  Integer targetCpuUtilization() {
    ChartValue target = worker.autoscaling().targetCPUUtilizationPercentage();
    return truthy(target) ? integer(at(target)) : null;
  }

  /** The memory utilisation target, or null when falsy (no metric). */
  Integer targetMemoryUtilization() {
    ChartValue target = worker.autoscaling().targetMemoryUtilizationPercentage();
    return truthy(target) ? integer(at(target)) : null;
  }

  String clusterUid() {
    return truthyText(worker.clusterUid());
  }

  Value initResources() {
    return at(worker.initContainer().resources());
  }

  Value initSecurityContext() {
    return at(worker.initContainer().containerSecurityContext());
  }

  Value initExtraEnvVars() {
    return at(worker.initContainer().extraEnvVars());
  }

  Value initExtraContainers() {
    return at(worker.initContainer().extraContainers());
  }

  String dnsPolicy() {
    return inserted(worker.dnsPolicy());
  }

  /** Whether the pod gets a dnsConfig; true by default, as the default map is non-empty. */
  boolean dnsConfigEnabled() {
    return truthy(worker.dnsConfig().value());
  }

  List<String> dnsNameservers() {
    return insertedItems(worker.dnsConfig().nameservers());
  }

  List<String> dnsSearches() {
    return insertedItems(worker.dnsConfig().searches());
  }

  /** The resolver options; a falsy value is left out, as the chart does. */
  List<DnsOption> dnsOptions() {
    List<DnsOption> out = new ArrayList<>();
    for (ChartValue item : worker.dnsConfig().options().items()) {
      if (!item.node().isObject()) {
        // The chart reads .name and .value of each item; on anything else helm template fails.
        problems.add(
            item.pointer(),
            FreeForm.RENDER_TYPE,
            Messages.get("render.type.map", Value.dotted(item.pointer())));
        continue;
      }
      ChartValues.DnsOption o = new ChartValues.DnsOption(item);
      Value value = at(o.optionValue());
      out.add(new DnsOption(inserted(at(o.name())), value.truthy() ? text(value) : null));
    }
    return out;
  }

  /** One {@code worker.dnsConfig.options} item; {@code value} is null when absent. */
  record DnsOption(String name, String value) {}

  /** {@code <repository>:<prefectTag>}, as Helm reads it back from between double quotes. */
  String image() {
    ChartValues.Image values = worker.image();
    String image = text(at(values.repository())) + ":" + text(at(values.prefectTag()));
    Optional<String> read = RawInsertion.doubleQuoted(image);
    if (read.isEmpty()) {
      problems.add(
          values.repository().pointer(),
          RawInsertion.RULE,
          Messages.get(
              "render.invalid-yaml.quoted", Value.dotted(values.value().pointer()), image));
      return image;
    }
    return read.get();
  }

  /** The pull policy, or null when empty (a bare key upstream). */
  String pullPolicy() {
    return raw(worker.image().pullPolicy());
  }

  Value pullSecrets() {
    return at(worker.image().pullSecrets());
  }

  Value debug() {
    return at(worker.image().debug());
  }

  Integer revisionHistoryLimit() {
    return integer(at(worker.revisionHistoryLimit()));
  }

  Integer replicaCount() {
    return integer(at(worker.replicaCount()));
  }

  Value resources() {
    return at(worker.resources());
  }

  boolean livenessProbeEnabled() {
    return truthy(worker.livenessProbe().enabled());
  }

  Value livenessProbeConfig() {
    return at(worker.livenessProbe().config());
  }

  Value podSecurityContext() {
    return at(worker.podSecurityContext());
  }

  /** The priority class as Helm reads it back, or null when falsy or read as null. */
  String priorityClassName() {
    ChartValue p = worker.priorityClassName();
    return truthy(p) ? insertedOrNull(at(p)) : null;
  }

  Value containerSecurityContext() {
    return at(worker.containerSecurityContext());
  }

  Value args() {
    return at(worker.args());
  }

  Value command() {
    return at(worker.command());
  }

  Value podLabels() {
    return at(worker.podLabels());
  }

  Value podAnnotations() {
    return at(worker.podAnnotations());
  }

  Value affinity() {
    return at(worker.affinity());
  }

  Value nodeSelector() {
    return at(worker.nodeSelector());
  }

  Value tolerations() {
    return at(worker.tolerations());
  }

  Value extraEnvVars() {
    return at(worker.extraEnvVars());
  }

  Value extraEnvVarsConfigMap() {
    return at(worker.extraEnvVarsCM());
  }

  Value extraEnvVarsConfigMaps() {
    return at(worker.extraEnvVarsCMs());
  }

  Value extraEnvVarsSecret() {
    return at(worker.extraEnvVarsSecret());
  }

  Value extraEnvVarsSecrets() {
    return at(worker.extraEnvVarsSecrets());
  }

  Value extraContainers() {
    return at(worker.extraContainers());
  }

  Value extraVolumes() {
    return at(worker.extraVolumes());
  }

  Value extraVolumeMounts() {
    return at(worker.extraVolumeMounts());
  }

  Value extraArgs() {
    return at(worker.extraArgs());
  }

  Value podDisruptionBudget() {
    return at(worker.podDisruptionBudget());
  }

  Value workPool() {
    return at(config.workPool());
  }

  /** The work queue names, as Helm reads them back from the chart's unquoted insertion. */
  List<String> workQueues() {
    List<String> out = new ArrayList<>();
    for (Value item : at(config.workQueues()).items()) {
      // A null prints empty: a null list item, which the API server reads as "".
      out.add(item.isNull() ? "" : inserted(item));
    }
    return out;
  }

  Value queryInterval() {
    return at(config.queryInterval());
  }

  Value prefetchSeconds() {
    return at(config.prefetchSeconds());
  }

  Value http2() {
    return at(config.http2());
  }

  String workerType() {
    return text(at(config.type()));
  }

  String installPolicy() {
    return text(at(config.installPolicy()));
  }

  String workerName() {
    return truthyText(config.name());
  }

  String limit() {
    return truthyText(config.limit());
  }

  String jobNamespace() {
    return inserted(config.jobNamespace());
  }

  boolean observerClusterWide() {
    return truthy(config.observerClusterWide());
  }

  String existingConfigMapName() {
    return inserted(config.baseJobTemplate().existingConfigMapName());
  }

  Value baseJobTemplateConfiguration() {
    return at(config.baseJobTemplate().configuration());
  }

  String baseJobTemplateName() {
    return inserted(config.baseJobTemplate().name());
  }

  String apiConfig() {
    return text(at(worker.apiConfig()));
  }

  /** The mode {@code worker.apiConfig} names; empty for anything else (the schema refuses it). */
  Optional<ApiMode> apiMode() {
    return ApiMode.named(apiConfig());
  }

  /** The API-key settings of the active mode; empty for a server or an unknown mode. */
  Optional<CloudMode> cloudMode() {
    return apiMode().flatMap(this::cloudMode);
  }

  /** The API-key settings of a mode; empty for a server. */
  Optional<CloudMode> cloudMode(ApiMode mode) {
    return worker.cloudSettings(mode).map(CloudMode::new);
  }

  /** The chart model over the same values, for {@link RequiredValue}. */
  ChartValues chart() {
    return chart;
  }

  Value cloudUrl() {
    return at(worker.cloudApiConfig().cloudUrl());
  }

  Value customerManagedApiUrl() {
    return at(worker.customerManagedCloudApiConfig().apiUrl());
  }

  /** {@code cloudApiUrl} (customer-managed cloud), or null when empty. */
  String cloudApiUrl() {
    return raw(worker.customerManagedCloudApiConfig().cloudApiUrl());
  }

  /** {@code cloudUiUrl} (customer-managed cloud), or empty. */
  String cloudUiUrl() {
    return truthyText(worker.customerManagedCloudApiConfig().cloudUiUrl());
  }

  Value selfHostedApiUrl() {
    return at(worker.selfHostedServerApiConfig().apiUrl());
  }

  boolean basicAuthEnabled() {
    return truthy(worker.selfHostedServerApiConfig().basicAuth().enabled());
  }

  String basicAuthString() {
    return text(at(worker.selfHostedServerApiConfig().basicAuth().authString()));
  }

  /**
   * {@code basicAuth.existingSecret} as Helm reads back its unquoted insertion (possibly empty:
   * {@code "~"}), or null when it is falsy and the chart uses the literal auth string instead.
   */
  String basicAuthExistingSecret() {
    ChartValue p = worker.selfHostedServerApiConfig().basicAuth().existingSecret();
    return truthy(p) ? inserted(at(p)) : null;
  }

  /** {@link #basicAuthExistingSecret()} as the Secret's name: null where Helm reads null. */
  String basicAuthExistingSecretName() {
    return insertedOrNull(at(worker.selfHostedServerApiConfig().basicAuth().existingSecret()));
  }

  /** The account and API key of {@code cloudApiConfig} or {@code customerManagedCloudApiConfig}. */
  final class CloudMode {
    private final ChartValues.CloudSettings settings;

    private CloudMode(ChartValues.CloudSettings settings) {
      this.settings = settings;
    }

    Value accountId() {
      return at(settings.accountId());
    }

    Value workspaceId() {
      return at(settings.workspaceId());
    }

    /** The API-key Secret name, or null when empty (a bare key upstream). */
    String apiKeySecretName() {
      return raw(settings.apiKeySecret().name());
    }

    /** The key in the API-key Secret, or null when empty. */
    String apiKeySecretKey() {
      return raw(settings.apiKeySecret().key());
    }

    /** {@code jobApiKeyPropagation}, defaulting to {@code secretRef} when falsy. */
    String jobApiKeyPropagation() {
      String p = truthyText(settings.jobApiKeyPropagation());
      return p.isEmpty() ? "secretRef" : p;
    }
  }

  /** The printed scalar, or empty when the value is falsy. */
  private String truthyText(ChartValue v) {
    return truthy(v) ? text(at(v)) : "";
  }

  /** A truthy scalar the chart inserts unquoted, as Helm reads it back; else empty. */
  private String inserted(ChartValue v) {
    return truthy(v) ? inserted(at(v)) : "";
  }

  /**
   * A scalar the chart inserts unquoted, as Helm reads it back ({@link RawInsertion}); reported
   * when Helm cannot parse the result.
   */
  String inserted(Value v) {
    // Not text(v): a number inserted unquoted reads back as a number, which the API server rejects
    // in the string fields the chart fills so; pwk keeps the digits the user wrote
    // (docs/divergences.md, sc-div-numeric-work-queue), not Helm's 1e+06.
    String text = scalar(v);
    Optional<String> read = RawInsertion.plain(text);
    if (read.isEmpty()) {
      reportInvalid(v, text);
      return text;
    }
    return read.get();
  }

  /**
   * What the chart printed unquoted from the value {@code v}, as Helm reads it back: null where
   * YAML reads null; reported, and kept as printed, where it does not parse.
   */
  private String readBack(String printed, Value v) {
    Optional<String> read = RawInsertion.plain(printed);
    if (read.isEmpty()) {
      reportInvalid(v, printed);
      return printed;
    }
    return read.get().isEmpty() && RawInsertion.readsAsNull(printed) ? null : read.get();
  }

  private void reportInvalid(Value v, String printed) {
    problems.add(
        v.pointer(), RawInsertion.RULE, Messages.get("render.invalid-yaml", v.dotted(), printed));
  }

  /** A scalar inserted raw upstream: null when it prints empty (YAML reads a bare key as null). */
  private String raw(ChartValue v) {
    return insertedOrNull(at(v));
  }

  /**
   * As {@link #inserted(Value)}, but null where Helm's YAML reads null (nothing printed, {@code ~},
   * {@code null}) rather than a string, even an empty one ({@code "!bang"} reads as "").
   */
  String insertedOrNull(Value v) {
    return readBack(scalar(v), v);
  }

  /**
   * The scalar as the chart prints it into a string ({@code quote}, {@code printf}): an integer
   * Helm holds as a float64 prints as Go prints one ({@code 1000000} in a values file is {@code
   * 1e+06}).
   */
  String text(Value v) {
    JsonNode n = v.node();
    if (n.isIntegralNumber() && heldAsFloat64(v.pointer())) {
      return GoValues.formatFloat(n.doubleValue());
    }
    return scalar(v);
  }

  /** Whether Helm holds the number at the pointer as a float64 (where the value came from). */
  private boolean heldAsFloat64(String pointer) {
    return values.origin(pointer).map(o -> GoValues.heldAsFloat64(o.kind())).orElse(true);
  }

  /** The scalar as Go prints it, integers in decimal; a map or list is reported and read as "". */
  private String scalar(Value v) {
    if (v.node().isContainerNode()) {
      problems.add(
          v.pointer(), FreeForm.RENDER_TYPE, Messages.get("render.type.scalar", v.dotted()));
      return "";
    }
    return GoValues.print(v.node());
  }

  /**
   * The items of a list the chart prints one by one unquoted, as Helm reads them back; a null item
   * (such as a gap {@code --set x[3]} leaves) is reported, as the API server rejects it.
   */
  private List<String> insertedItems(ChartValue list) {
    List<String> out = new ArrayList<>();
    for (Value item : at(list).items()) {
      if (item.isNull()) {
        problems.add(
            item.pointer(),
            FreeForm.RENDER_TYPE,
            Messages.get("render.type.null-item", item.dotted()));
      } else {
        out.add(inserted(item));
      }
    }
    return out;
  }

  /** An integer, or null when absent; anything else is reported. */
  Integer integer(Value v) {
    JsonNode n = v.node();
    if (v.isNull()) {
      return null;
    }
    if (n.isNumber()
        && (n.isIntegralNumber() || n.doubleValue() == Math.rint(n.doubleValue()))
        && n.canConvertToInt()) {
      return n.intValue();
    }
    if (n.isIntegralNumber()) {
      problems.add(
          v.pointer(),
          FreeForm.RENDER_TYPE,
          Messages.get("render.type.int32", v.dotted(), n.bigIntegerValue().toString()));
      return null;
    }
    problems.add(
        v.pointer(), FreeForm.RENDER_TYPE, Messages.get("render.type.integer", v.dotted()));
    return null;
  }
}
