package dev.pwk.renderer;

import dev.pwk.values.ChartInfo;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValuesContract;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders effective values into the Kubernetes objects that the {@code prefect-worker} chart emits,
 * as {@code helm template} would (docs/chart-spec.md §4). Thread-safe; create one and reuse it.
 *
 * <p>Deliberate divergences from the upstream chart, each pinned by a test:
 *
 * <ul>
 *   <li>A map-form {@code worker.config.baseJobTemplate.configuration} is stored in the ConfigMap
 *       as compact JSON text with sorted keys. Upstream inserts that JSON unquoted, so YAML reads a
 *       nested map, which Kubernetes rejects. Go's HTML escaping of {@code <}, {@code >} and {@code
 *       &} is not reproduced; it does not change the JSON value.
 *   <li>A user label or annotation ({@code commonLabels}, {@code podLabels}, …) that repeats a key
 *       the chart emits replaces the chart's value. Upstream prints the key twice; a last-wins YAML
 *       reader sees the user's value, which is what is emitted.
 *   <li>Container {@code args}, {@code command} items and env values are always strings. Upstream
 *       inserts work queues, {@code extraArgs} and some env values unquoted, so {@code "2024"} or
 *       {@code 30} become YAML integers, which Kubernetes rejects.
 * </ul>
 *
 * <p>Values that go through {@code tpl} upstream (docs/chart-spec.md §4.9) may use {@code {{
 * .Release.Name }}}, {@code .Release.Namespace}, {@code .Chart.Name}, {@code .Chart.Version},
 * {@code .Chart.AppVersion}, {@code .Values.<dotted.path>} and {@code include} or {@code template}
 * of {@code "common.names.fullname"}, with <code>{{-</code> and <code>-}}</code> trimming. Anything
 * else is a {@code tpl.unsupported} finding, and a {@code .Values} path that does not exist is a
 * {@code tpl.unknown-value} finding (Helm would print an empty string); both point at the value's
 * file and line.
 *
 * <p>Other choices where the chart spec leaves room: {@code checksum/config} is the SHA-256 of a
 * newline followed by this renderer's YAML of the ConfigMap (Helm hashes its own text, so the value
 * differs but changes exactly when the ConfigMap does); empty lists and null values are left out
 * instead of printed as bare keys. An integer from a values file or {@code --set-json} that the
 * chart prints as text prints as Go prints a float64 ({@code 1e+06}), as Helm holds it; where the
 * chart inserts such a value with {@code toYaml} it stays decimal, as in Helm.
 */
public final class Renderer {
  private final ChartInfo chart;
  private final YamlWriter writer;

  private Renderer(ChartInfo chart) {
    this.chart = chart;
    this.writer = YamlWriter.shared();
  }

  /** A renderer for the bundled released chart ({@link ValuesContract#chart()}). */
  public static Renderer create() {
    return new Renderer(ValuesContract.chart());
  }

  /**
   * Renders the values.
   *
   * @param values effective values from {@code ValuesLoader}; not modified
   * @param options release, namespace and cluster capabilities
   * @return the rendered objects in Helm's order
   * @throws RenderException when a required value is missing, a template expression is not
   *     supported or names an unknown value, or a free-form value does not fit its field
   */
  public Rendering render(LoadedValues values, RenderOptions options) throws RenderException {
    Problems problems = new Problems(values);
    WorkerValues v = new WorkerValues(values, problems);
    Names names = Names.derive(v, options, chart);
    RequiredValues required = RequiredValues.check(v, names, problems);
    Tpl tpl = new Tpl(names, chart, values.tree(), problems);
    FreeForm freeForm = new FreeForm(problems);
    ChartMetadata metadata = new ChartMetadata(names, chart, v, tpl, freeForm);
    RenderContext ctx = new RenderContext(v, names, options, metadata, tpl, freeForm, required);

    List<RenderedObject> objects = new ArrayList<>();
    PdbManifest.build(ctx).ifPresent(o -> objects.add(rendered(PdbManifest.TEMPLATE, o)));
    ServiceAccountManifest.build(ctx)
        .ifPresent(o -> objects.add(rendered(ServiceAccountManifest.TEMPLATE, o)));
    Optional<ConfigMap> configMap = ConfigMapManifest.build(ctx);
    configMap.ifPresent(o -> objects.add(rendered(ConfigMapManifest.TEMPLATE, o)));
    RoleManifest.build(ctx).ifPresent(o -> objects.add(rendered(RoleManifest.TEMPLATE, o)));
    RoleBindingManifest.build(ctx)
        .ifPresent(o -> objects.add(rendered(RoleBindingManifest.TEMPLATE, o)));
    Optional<String> configMapYaml = configMap.map(writer::write);
    String checksum = ConfigMapManifest.checksum(configMapYaml);
    objects.add(rendered(DeploymentManifest.TEMPLATE, DeploymentManifest.build(ctx, checksum)));
    HpaManifest.build(ctx).ifPresent(o -> objects.add(rendered(HpaManifest.TEMPLATE, o)));

    if (!problems.isEmpty()) {
      List<Finding> findings = problems.list();
      throw new RenderException(
          Messages.get("render.failed", String.valueOf(findings.size()), findings.get(0)),
          findings);
    }
    Map<HasMetadata, String> written = new IdentityHashMap<>();
    configMap.ifPresent(o -> written.put(o, configMapYaml.get()));
    return new Rendering(objects, writer, written);
  }

  private static RenderedObject rendered(String template, HasMetadata object) {
    return new RenderedObject(template, object);
  }
}
