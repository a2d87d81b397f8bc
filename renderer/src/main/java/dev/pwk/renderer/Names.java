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
 * @param fullname {@code common.names.fullname} as Helm reads back the helper's output, the name of
 *     every object
 * @param printedFullname {@code common.names.fullname} as the helper prints it, what a {@code tpl}
 *     value's {@code include} gives
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
    String printedFullname,
    String namespace,
    String chartLabel,
    String serviceAccountName,
    String roleNamespace,
    String baseJobTemplateName,
    boolean generatesConfigMap) {

  static final String DEFAULT_BASE_JOB_TEMPLATE_NAME = "prefect-worker-base-job-template";

  static Names derive(WorkerValues v, RenderOptions options, ChartInfo chart) {
    String release = options.releaseName();
    // The helpers compute on the overrides as written; Helm reads back their output, not the
    // overrides ("x # y" is the name x, but a tpl include gives "x # y").
    String printedName = ChartNames.name(v.nameOverridePrinted(), chart.name());
    String printedFullname =
        ChartNames.fullname(
            v.fullnameOverridePrinted(), v.nameOverridePrinted(), chart.name(), release);
    String fullname = v.fullnameReadBack(printedFullname);
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
        v.nameReadBack(printedName),
        fullname,
        printedFullname,
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
}
