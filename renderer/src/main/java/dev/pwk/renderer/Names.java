package dev.pwk.renderer;

import dev.pwk.values.ChartInfo;
import dev.pwk.values.chart.ChartNames;

/**
 * The names the chart derives once per render, computed by {@link ChartNames} as the Bitnami {@code
 * common} helpers (docs/chart-spec.md §1) and the chart's own helpers do.
 *
 * @param release the release name ({@code .Release.Name})
 * @param releaseNamespace the release namespace ({@code .Release.Namespace})
 * @param name {@code common.names.name}, or null where Helm's output reads it as null
 * @param fullname {@code common.names.fullname}
 * @param namespace {@code common.names.namespace}, the namespace of every object
 * @param chartLabel {@code common.names.chart}, the {@code helm.sh/chart} label
 * @param serviceAccountName {@code worker.serviceAccountName}
 * @param roleNamespace the namespace of the Role and RoleBinding
 * @param baseJobTemplateName {@code worker.baseJobTemplateName}; empty when the base job template
 *     is off
 * @param generatesConfigMap whether the chart generates the base-job-template ConfigMap
 */
record Names(
    String release,
    String releaseNamespace,
    String name,
    String fullname,
    String namespace,
    String chartLabel,
    String serviceAccountName,
    String roleNamespace,
    String baseJobTemplateName,
    boolean generatesConfigMap) {

  static final String DEFAULT_BASE_JOB_TEMPLATE_NAME = "prefect-worker-base-job-template";

  static Names derive(WorkerValues v, RenderOptions options, ChartInfo chart) {
    String release = options.releaseName();
    String fullname =
        ChartNames.fullname(v.fullnameOverride(), v.nameOverride(), chart.name(), release);
    String namespace = ChartNames.namespace(v.namespaceOverride(), options.namespace());
    String sa =
        ChartNames.serviceAccountName(v.serviceAccountCreate(), v.serviceAccountName(), fullname);
    String roleNamespace = v.roleNamespace().isEmpty() ? namespace : v.roleNamespace();
    boolean generates = v.baseJobTemplateConfiguration().truthy();
    String bjt;
    if (generates) {
      bjt =
          v.baseJobTemplateName().isEmpty()
              ? DEFAULT_BASE_JOB_TEMPLATE_NAME
              : v.baseJobTemplateName();
    } else {
      bjt = v.existingConfigMapName();
    }
    return new Names(
        release,
        options.namespace(),
        name(v, chart),
        fullname,
        namespace,
        ChartNames.labelValue(chart.name() + "-" + chart.version()),
        sa,
        roleNamespace,
        bjt,
        generates);
  }

  /** True when the base job template is on: the init container, mount and argument appear. */
  boolean baseJobTemplateOn() {
    return !baseJobTemplateName.isEmpty();
  }

  /**
   * {@code common.names.name} as Helm's output reads it: null or the empty string where a set
   * {@code nameOverride} reads back so ({@code "~"}, {@code "!bang"}), since the chart prints the
   * name unquoted; otherwise {@link ChartNames#name}.
   */
  private static String name(WorkerValues v, ChartInfo chart) {
    if (v.nameOverrideReadsAsNull()) {
      return null;
    }
    return v.nameOverrideSet() && v.nameOverride().isEmpty()
        ? ""
        : ChartNames.name(v.nameOverride(), chart.name());
  }
}
