package dev.pwk.renderer;

import dev.pwk.kube.Value;
import dev.pwk.values.ChartInfo;
import dev.pwk.values.chart.ChartNames;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels and annotations every object shares (docs/chart-spec.md §4.2), computed once per
 * render: the standard labels, the component and version labels, and the template-evaluated {@code
 * commonLabels}, {@code commonAnnotations}, {@code podLabels} and {@code podAnnotations}.
 *
 * <p>A user key that repeats a chart key replaces the chart's value (upstream prints the key twice
 * and a last-wins YAML reader sees the user's value).
 */
final class ChartMetadata {
  static final String COMPONENT = "app.kubernetes.io/component";
  static final String PDB_SELECTOR = "prefect.io/worker-deployment-name";
  static final String CHECKSUM = "checksum/config";

  private final Names names;
  private final String appVersion;
  private final Map<String, String> commonLabels;
  private final Map<String, String> commonAnnotations;
  private final Map<String, String> serviceAccountAnnotations;
  private final Map<String, String> podLabels;
  private final Map<String, String> podAnnotations;

  ChartMetadata(Names names, ChartInfo chart, WorkerValues v, Tpl tpl, FreeForm freeForm) {
    this.names = names;
    this.appVersion = chart.appVersion();
    this.commonLabels = rendered(v.commonLabels(), tpl, freeForm);
    this.commonAnnotations = rendered(v.commonAnnotations(), tpl, freeForm);
    this.serviceAccountAnnotations = rendered(v.serviceAccountAnnotations(), tpl, freeForm);
    this.podLabels = rendered(v.podLabels(), tpl, freeForm);
    this.podAnnotations = rendered(v.podAnnotations(), tpl, freeForm);
  }

  private static Map<String, String> rendered(Value value, Tpl tpl, FreeForm freeForm) {
    return value.truthy() ? freeForm.stringMap(tpl.render(value)) : Map.of();
  }

  /**
   * The {@code app.kubernetes.io/name} label, left out where Helm's output reads it as null (a
   * nameOverride such as {@code "null"} or {@code "~"}, which the chart prints unquoted).
   */
  private void putName(Map<String, String> labels) {
    if (names.name() != null) {
      labels.put("app.kubernetes.io/name", names.name());
    }
  }

  /** {@code common.labels.standard}, in the order Helm prints it. */
  private Map<String, String> standardLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    putName(labels);
    labels.put("helm.sh/chart", names.chartLabel());
    labels.put("app.kubernetes.io/instance", names.release());
    labels.put("app.kubernetes.io/managed-by", "Helm");
    if (!appVersion.isEmpty()) {
      labels.put("app.kubernetes.io/version", ChartNames.labelValue(appVersion));
    }
    return labels;
  }

  /** Metadata of the ServiceAccount, Role, RoleBinding, Deployment, HPA and PDB. */
  ObjectMeta object(String name, String namespace) {
    return meta(name, namespace, true, commonAnnotations);
  }

  /** Metadata of the generated ConfigMap: no {@code prefect-version} label (as upstream). */
  ObjectMeta configMap(String name, String namespace) {
    return meta(name, namespace, false, commonAnnotations);
  }

  /** Metadata of the ServiceAccount: its own annotations come after the common ones. */
  ObjectMeta serviceAccount(String name, String namespace) {
    Map<String, String> annotations = new LinkedHashMap<>(commonAnnotations);
    annotations.putAll(serviceAccountAnnotations);
    return meta(name, namespace, true, annotations);
  }

  private ObjectMeta meta(
      String name, String namespace, boolean versionLabel, Map<String, String> annotations) {
    Map<String, String> labels = standardLabels();
    labels.put(COMPONENT, "worker");
    if (versionLabel) {
      labels.put("prefect-version", appVersion);
    }
    labels.putAll(commonLabels);
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .withAnnotations(annotations.isEmpty() ? null : new LinkedHashMap<>(annotations))
        .build();
  }

  /** The Deployment selector: {@code common.labels.matchLabels} and the component. */
  Map<String, String> selectorLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    putName(labels);
    labels.put("app.kubernetes.io/instance", names.release());
    labels.put(COMPONENT, "worker");
    return labels;
  }

  /** The PDB selector: the Deployment selector plus the worker's full name. */
  Map<String, String> pdbSelectorLabels() {
    Map<String, String> labels = selectorLabels();
    labels.put(PDB_SELECTOR, names.fullname());
    return labels;
  }

  /** Pod template labels; the PDB selector label is added when a PDB selects the pods. */
  Map<String, String> podLabels(boolean withPdbSelector) {
    Map<String, String> labels = standardLabels();
    labels.put(COMPONENT, "worker");
    labels.put("prefect-version", appVersion);
    if (withPdbSelector) {
      labels.put(PDB_SELECTOR, names.fullname());
    }
    labels.putAll(podLabels);
    return labels;
  }

  /** Pod template annotations: the config checksum, then {@code worker.podAnnotations}. */
  Map<String, String> podAnnotations(String checksum) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(CHECKSUM, checksum);
    annotations.putAll(podAnnotations);
    return annotations;
  }
}
