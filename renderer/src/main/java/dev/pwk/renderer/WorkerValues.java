package dev.pwk.renderer;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.LoadedValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed access to the chart's values: the one place that knows their dotted paths. Scalars come
 * back as Go templates would print them; free-form parts come back as {@link Value}s, which keep
 * their path for findings.
 */
final class WorkerValues {
  static final String API_CLOUD = "cloud";
  static final String API_CUSTOMER_MANAGED = "customerManagedCloud";
  static final String API_SELF_HOSTED = "selfHostedServer";

  private static final String W = "/worker";
  private static final String CONFIG = W + "/config";
  private static final String BJT = CONFIG + "/baseJobTemplate";
  private static final String IMAGE = W + "/image";
  private static final String INIT = W + "/initContainer";
  private static final String AUTOSCALING = W + "/autoscaling";
  private static final String BASIC_AUTH = W + "/selfHostedServerApiConfig/basicAuth";

  private static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

  private final LoadedValues values;
  private final JsonNode root;
  private final Problems problems;
  private final Set<String> missingMaps = new HashSet<>();

  WorkerValues(LoadedValues values, Problems problems) {
    this.values = values;
    this.root = values.tree();
    this.problems = problems;
  }

  private Value at(String pointer) {
    return new Value(pointer, node(pointer));
  }

  /**
   * The node at a pointer; compiled pointers are kept, as the accessors use a fixed set. A map on
   * the way that is missing (a user's null deletes a default) is reported: the chart reads the
   * value with {@code .Values.a.b.c}, which fails in Go's templates when {@code a.b} is nil.
   */
  private JsonNode node(String pointer) {
    JsonNode n = root.at(POINTERS.computeIfAbsent(pointer, JsonPointer::compile));
    if (n.isMissingNode()) {
      reportMissingMap(pointer);
    }
    return n;
  }

  private void reportMissingMap(String pointer) {
    for (int slash = pointer.indexOf('/', 1); slash > 0; slash = pointer.indexOf('/', slash + 1)) {
      String parent = pointer.substring(0, slash);
      if (root.at(POINTERS.computeIfAbsent(parent, JsonPointer::compile)).isMissingNode()) {
        if (missingMaps.add(parent)) {
          problems.add(
              parent,
              FreeForm.RENDER_TYPE,
              Messages.get(
                  "render.type.missing-map", Value.dotted(parent), Value.dotted(pointer)));
        }
        return;
      }
    }
  }

  /** {@code nameOverride} as Helm reads it back from the chart's unquoted insertions. */
  String nameOverride() {
    return inserted("/nameOverride");
  }

  /** Whether {@code nameOverride} is set (truthy), so the chart uses it over the chart name. */
  boolean nameOverrideSet() {
    return truthy("/nameOverride");
  }

  /** Whether a set {@code nameOverride} reads back as null where the chart prints it unquoted. */
  boolean nameOverrideReadsAsNull() {
    return truthy("/nameOverride") && insertedOrNull(at("/nameOverride")) == null;
  }

  /** {@code fullnameOverride} as Helm reads it back from the chart's unquoted insertions. */
  String fullnameOverride() {
    Value v = at("/fullnameOverride");
    if (v.truthy() && insertedOrNull(v) == null) {
      // "~" or "null": Helm prints every object's name as null, which the API server rejects.
      problems.add(
          v.pointer(), FreeForm.RENDER_TYPE, Messages.get("render.type.null-name", v.dotted()));
    }
    return inserted("/fullnameOverride");
  }

  String namespaceOverride() {
    return truthyText("/namespaceOverride");
  }

  Value commonLabels() {
    return at("/commonLabels");
  }

  Value commonAnnotations() {
    return at("/commonAnnotations");
  }

  boolean serviceAccountCreate() {
    return truthy("/serviceAccount/create");
  }

  String serviceAccountName() {
    return inserted("/serviceAccount/name");
  }

  Value serviceAccountAnnotations() {
    return at("/serviceAccount/annotations");
  }

  boolean roleCreate() {
    return truthy("/role/create");
  }

  String roleNamespace() {
    return truthyText("/role/namespace");
  }

  Value roleExtraPermissions() {
    return at("/role/extraPermissions");
  }

  boolean roleBindingCreate() {
    return truthy("/rolebinding/create");
  }

  boolean autoscalingEnabled() {
    return truthy(AUTOSCALING + "/enabled");
  }

  Integer minReplicas() {
    return integer(AUTOSCALING + "/minReplicas");
  }

  Integer maxReplicas() {
    return integer(AUTOSCALING + "/maxReplicas");
  }

  /** The CPU utilisation target, or null when falsy (no metric). */
  Integer targetCpuUtilization() {
    return truthy(AUTOSCALING + "/targetCPUUtilizationPercentage")
        ? integer(AUTOSCALING + "/targetCPUUtilizationPercentage")
        : null;
  }

  /** The memory utilisation target, or null when falsy (no metric). */
  Integer targetMemoryUtilization() {
    return truthy(AUTOSCALING + "/targetMemoryUtilizationPercentage")
        ? integer(AUTOSCALING + "/targetMemoryUtilizationPercentage")
        : null;
  }

  String clusterUid() {
    return truthyText(W + "/clusterUid");
  }

  Value initResources() {
    return at(INIT + "/resources");
  }

  Value initSecurityContext() {
    return at(INIT + "/containerSecurityContext");
  }

  Value initExtraEnvVars() {
    return at(INIT + "/extraEnvVars");
  }

  Value initExtraContainers() {
    return at(INIT + "/extraContainers");
  }

  String dnsPolicy() {
    return inserted(W + "/dnsPolicy");
  }

  /** Whether the pod gets a dnsConfig; true by default, as the default map is non-empty. */
  boolean dnsConfigEnabled() {
    return truthy(W + "/dnsConfig");
  }

  List<String> dnsNameservers() {
    return insertedItems(W + "/dnsConfig/nameservers");
  }

  List<String> dnsSearches() {
    return insertedItems(W + "/dnsConfig/searches");
  }

  /** The resolver options; a falsy value is left out, as the chart does. */
  List<DnsOption> dnsOptions() {
    List<DnsOption> out = new ArrayList<>();
    for (Value o : at(W + "/dnsConfig/options").items()) {
      if (!o.node().isObject()) {
        // The chart reads .name and .value of each item; on anything else helm template fails.
        problems.add(
            o.pointer(), FreeForm.RENDER_TYPE, Messages.get("render.type.map", o.dotted()));
        continue;
      }
      Value value = o.child("value");
      out.add(new DnsOption(inserted(o.child("name")), value.truthy() ? text(value) : null));
    }
    return out;
  }

  /** One {@code worker.dnsConfig.options} item; {@code value} is null when absent. */
  record DnsOption(String name, String value) {}

  /** {@code <repository>:<prefectTag>}, as Helm reads it back from between double quotes. */
  String image() {
    String image = text(IMAGE + "/repository") + ":" + text(IMAGE + "/prefectTag");
    Optional<String> read = RawInsertion.doubleQuoted(image);
    if (read.isEmpty()) {
      problems.add(
          IMAGE + "/repository",
          RawInsertion.RULE,
          Messages.get("render.invalid-yaml.quoted", Value.dotted(IMAGE), image));
      return image;
    }
    return read.get();
  }

  /** The pull policy, or null when empty (a bare key upstream). */
  String pullPolicy() {
    return raw(IMAGE + "/pullPolicy");
  }

  Value pullSecrets() {
    return at(IMAGE + "/pullSecrets");
  }

  Value debug() {
    return at(IMAGE + "/debug");
  }

  Integer revisionHistoryLimit() {
    return integer(W + "/revisionHistoryLimit");
  }

  Integer replicaCount() {
    return integer(W + "/replicaCount");
  }

  Value resources() {
    return at(W + "/resources");
  }

  boolean livenessProbeEnabled() {
    return truthy(W + "/livenessProbe/enabled");
  }

  Value livenessProbeConfig() {
    return at(W + "/livenessProbe/config");
  }

  Value podSecurityContext() {
    return at(W + "/podSecurityContext");
  }

  /** The priority class as Helm reads it back, or null when falsy or read as null. */
  String priorityClassName() {
    String p = W + "/priorityClassName";
    return truthy(p) ? insertedOrNull(at(p)) : null;
  }

  Value containerSecurityContext() {
    return at(W + "/containerSecurityContext");
  }

  Value args() {
    return at(W + "/args");
  }

  Value command() {
    return at(W + "/command");
  }

  Value podLabels() {
    return at(W + "/podLabels");
  }

  Value podAnnotations() {
    return at(W + "/podAnnotations");
  }

  Value affinity() {
    return at(W + "/affinity");
  }

  Value nodeSelector() {
    return at(W + "/nodeSelector");
  }

  Value tolerations() {
    return at(W + "/tolerations");
  }

  Value extraEnvVars() {
    return at(W + "/extraEnvVars");
  }

  Value extraEnvVarsConfigMap() {
    return at(W + "/extraEnvVarsCM");
  }

  Value extraEnvVarsConfigMaps() {
    return at(W + "/extraEnvVarsCMs");
  }

  Value extraEnvVarsSecret() {
    return at(W + "/extraEnvVarsSecret");
  }

  Value extraEnvVarsSecrets() {
    return at(W + "/extraEnvVarsSecrets");
  }

  Value extraContainers() {
    return at(W + "/extraContainers");
  }

  Value extraVolumes() {
    return at(W + "/extraVolumes");
  }

  Value extraVolumeMounts() {
    return at(W + "/extraVolumeMounts");
  }

  Value extraArgs() {
    return at(W + "/extraArgs");
  }

  Value podDisruptionBudget() {
    return at(W + "/podDisruptionBudget");
  }

  Value workPool() {
    return at(CONFIG + "/workPool");
  }

  /** The work queue names, as Helm reads them back from the chart's unquoted insertion. */
  List<String> workQueues() {
    List<String> out = new ArrayList<>();
    for (Value item : at(CONFIG + "/workQueues").items()) {
      // A null prints empty: a null list item, which the API server reads as "".
      out.add(item.isNull() ? "" : inserted(item));
    }
    return out;
  }

  Value queryInterval() {
    return at(CONFIG + "/queryInterval");
  }

  Value prefetchSeconds() {
    return at(CONFIG + "/prefetchSeconds");
  }

  Value http2() {
    return at(CONFIG + "/http2");
  }

  String workerType() {
    return text(CONFIG + "/type");
  }

  String installPolicy() {
    return text(CONFIG + "/installPolicy");
  }

  String workerName() {
    return truthyText(CONFIG + "/name");
  }

  String limit() {
    return truthyText(CONFIG + "/limit");
  }

  String jobNamespace() {
    return inserted(CONFIG + "/jobNamespace");
  }

  boolean observerClusterWide() {
    return truthy(CONFIG + "/observerClusterWide");
  }

  String existingConfigMapName() {
    return inserted(BJT + "/existingConfigMapName");
  }

  Value baseJobTemplateConfiguration() {
    return at(BJT + "/configuration");
  }

  String baseJobTemplateName() {
    return inserted(BJT + "/name");
  }

  String apiConfig() {
    return text(W + "/apiConfig");
  }

  /** The settings block of an API mode, e.g. {@code /worker/cloudApiConfig}. */
  ApiMode mode(String apiConfig) {
    return switch (apiConfig) {
      case API_CLOUD -> new ApiMode(W + "/cloudApiConfig");
      case API_CUSTOMER_MANAGED -> new ApiMode(W + "/customerManagedCloudApiConfig");
      default -> new ApiMode(W + "/selfHostedServerApiConfig");
    };
  }

  boolean basicAuthEnabled() {
    return truthy(BASIC_AUTH + "/enabled");
  }

  String basicAuthString() {
    return text(BASIC_AUTH + "/authString");
  }

  /**
   * {@code basicAuth.existingSecret} as Helm reads back its unquoted insertion (possibly empty:
   * {@code "~"}), or null when it is falsy and the chart uses the literal auth string instead.
   */
  String basicAuthExistingSecret() {
    String p = BASIC_AUTH + "/existingSecret";
    return truthy(p) ? inserted(at(p)) : null;
  }

  /** {@link #basicAuthExistingSecret()} as the Secret's name: null where Helm reads null. */
  String basicAuthExistingSecretName() {
    return insertedOrNull(at(BASIC_AUTH + "/existingSecret"));
  }

  /**
   * The values of one API mode: {@code cloudApiConfig}, {@code customerManagedCloudApiConfig}, …
   */
  final class ApiMode {
    private final String base;

    private ApiMode(String base) {
      this.base = base;
    }

    Value apiUrl() {
      return at(base + "/apiUrl");
    }

    Value cloudUrl() {
      return at(base + "/cloudUrl");
    }

    Value accountId() {
      return at(base + "/accountId");
    }

    Value workspaceId() {
      return at(base + "/workspaceId");
    }

    /** The API-key Secret name, or null when empty (a bare key upstream). */
    String apiKeySecretName() {
      return raw(base + "/apiKeySecret/name");
    }

    /** The key in the API-key Secret, or null when empty. */
    String apiKeySecretKey() {
      return raw(base + "/apiKeySecret/key");
    }

    /** {@code jobApiKeyPropagation}, defaulting to {@code secretRef} when falsy. */
    String jobApiKeyPropagation() {
      String p = truthyText(base + "/jobApiKeyPropagation");
      return p.isEmpty() ? "secretRef" : p;
    }

    /** {@code cloudApiUrl} (customer-managed cloud), or null when empty. */
    String cloudApiUrl() {
      return raw(base + "/cloudApiUrl");
    }

    /** {@code cloudUiUrl} (customer-managed cloud), or empty. */
    String cloudUiUrl() {
      return truthyText(base + "/cloudUiUrl");
    }
  }

  private boolean truthy(String pointer) {
    return GoValues.truthy(node(pointer));
  }

  /** The printed scalar, or empty when the value is falsy. */
  private String truthyText(String pointer) {
    return truthy(pointer) ? text(pointer) : "";
  }

  /** A truthy scalar the chart inserts unquoted, as Helm reads it back; else empty. */
  private String inserted(String pointer) {
    return truthy(pointer) ? inserted(at(pointer)) : "";
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
      problems.add(
          v.pointer(), RawInsertion.RULE, Messages.get("render.invalid-yaml", v.dotted(), text));
      return text;
    }
    return read.get();
  }

  /** A scalar inserted raw upstream: null when it prints empty (YAML reads a bare key as null). */
  private String raw(String pointer) {
    return insertedOrNull(at(pointer));
  }

  /**
   * As {@link #inserted(Value)}, but null where Helm's YAML reads null (nothing printed, {@code
   * ~}, {@code null}) rather than a string, even an empty one ({@code "!bang"} reads as "").
   */
  String insertedOrNull(Value v) {
    String read = inserted(v);
    String printed = GoValues.isScalar(v.node()) ? GoValues.print(v.node()) : "";
    return read.isEmpty() && RawInsertion.readsAsNull(printed) ? null : read;
  }

  /** The scalar as Go prints it; a map or list is reported and read as empty. */
  String text(String pointer) {
    return text(at(pointer));
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

  /** The scalar as Go prints it, integers in decimal; a map or list is reported and read as "". */
  private String scalar(Value v) {
    if (v.node().isContainerNode()) {
      problems.add(
          v.pointer(), FreeForm.RENDER_TYPE, Messages.get("render.type.scalar", v.dotted()));
      return "";
    }
    return GoValues.print(v.node());
  }

  /** Whether Helm holds the number at the pointer as a float64 (where the value came from). */
  private boolean heldAsFloat64(String pointer) {
    return values.origin(pointer).map(o -> GoValues.heldAsFloat64(o.kind())).orElse(true);
  }

  /**
   * The items of a list the chart prints one by one unquoted, as Helm reads them back; a null
   * item (such as a gap {@code --set x[3]} leaves) is reported, as the API server rejects it.
   */
  private List<String> insertedItems(String pointer) {
    List<String> out = new ArrayList<>();
    for (Value item : at(pointer).items()) {
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
  Integer integer(String pointer) {
    return integer(at(pointer));
  }

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
