package dev.pwk.renderer;

/**
 * Everything an object builder needs, derived once per render.
 *
 * @param values the typed values
 * @param names the derived names
 * @param options the render options
 * @param metadata shared labels and annotations
 * @param tpl the template evaluator for values that go through {@code tpl}
 * @param freeForm the converter for free-form values
 * @param required the values guarded by {@code required}
 */
record RenderContext(
    WorkerValues values,
    Names names,
    RenderOptions options,
    ChartMetadata metadata,
    Tpl tpl,
    FreeForm freeForm,
    RequiredValues required) {

  /** {@code PREFECT_KUBERNETES_CLUSTER_UID}: the value, else the cluster lookup (offline: ""). */
  String clusterUid() {
    String uid = values.clusterUid();
    return uid.isEmpty() ? options.clusterUid() : uid;
  }
}
