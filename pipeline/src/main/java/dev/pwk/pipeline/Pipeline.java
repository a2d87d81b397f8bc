package dev.pwk.pipeline;

import dev.pwk.renderer.KubeCapabilities;
import dev.pwk.renderer.ManifestValidator;
import dev.pwk.renderer.Rendering;
import dev.pwk.validator.LintMode;
import dev.pwk.validator.ValuesValidator;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Lints and renders worker values in one call, as every pwk command does: load the values files and
 * {@code --set*} flags, apply the value rules, render (which finds the problems of template
 * expressions such as {@code {{ .Release.Name }}}), and optionally check the rendered objects as
 * the API server would. Modelled on Helm's {@code pkg/lint}.
 *
 * <p>One policy decides what stops a render: an error-severity finding always does, a warning never
 * does. So the same values give the same findings, and the same verdict, whether they are linted,
 * rendered or installed.
 *
 * <p>{@link #run} does everything; {@link #check} and {@link #render} split it in two for a caller
 * that must look at the values before it knows what to render for (a cluster it contacts only for
 * values that passed their rules). Instances are immutable and thread-safe.
 */
public final class Pipeline {
  /** The file that manifest findings name: the rendered YAML stream. */
  public static final String RENDERED_MANIFESTS = "<rendered manifests>";

  /** Rendering repeats the required-value check of the value rules, with Helm's message. */
  private static final String CHART_REQUIRED = "chart.required";

  private final ValuesValidator validator;

  private Pipeline(ValuesValidator validator) {
    this.validator = validator;
  }

  /** A pipeline; cheap to create, and safe to share between threads. */
  public static Pipeline create() {
    return new Pipeline(ValuesValidator.create());
  }

  /**
   * A pipeline that also accepts these top-level keys without a warning, for keys that an umbrella
   * chart reads.
   */
  public Pipeline allowingTopLevelKeys(Collection<String> keys) {
    return new Pipeline(validator.allowingTopLevelKeys(keys));
  }

  /** Loads, checks and renders for the request's cluster settings. */
  public PipelineResult run(PipelineRequest request) {
    Objects.requireNonNull(request, "request");
    LoadedValues loaded;
    try {
      loaded = load(request);
    } catch (ValuesException e) {
      return loadFailed(request, e);
    }
    if (request.partial()) {
      return check(request, loaded);
    }
    // The render starts before the rules run and is dropped when they stop it (see render).
    RenderTask task =
        RenderTask.start(loaded, request, request.capabilities(), request.clusterUid());
    return render(check(request, loaded), task);
  }

  /** The first half of {@link #run}: loads the values and applies the value rules. */
  public PipelineResult check(PipelineRequest request) {
    Objects.requireNonNull(request, "request");
    try {
      return check(request, load(request));
    } catch (ValuesException e) {
      return loadFailed(request, e);
    }
  }

  private static LoadedValues load(PipelineRequest request) throws ValuesException {
    ValuesLoader loader = ValuesLoader.create();
    return request.partial()
        ? loader.loadWithoutDefaults(request.inputs())
        : loader.load(request.inputs());
  }

  private static PipelineResult loadFailed(PipelineRequest request, ValuesException e) {
    return new PipelineResult(
        request,
        ValuesValidator.inputFindings(e),
        null,
        ReadableSources.of(request.inputs()),
        null,
        false);
  }

  private PipelineResult check(PipelineRequest request, LoadedValues loaded) {
    List<Finding> findings =
        validator.validate(
            loaded, request.partial() ? LintMode.PARTIAL : LintMode.FULL, request.release());
    return new PipelineResult(request, findings, loaded, loaded.sources(), null, false);
  }

  /**
   * The second half of {@link #run}: renders a result of {@link #check} for this cluster, unless an
   * error stopped it, and checks the manifests if the request asks for it.
   *
   * @throws IllegalStateException if {@code checked} did not come from {@link #check}
   */
  public PipelineResult render(
      PipelineResult checked, KubeCapabilities capabilities, String clusterUid) {
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(clusterUid, "clusterUid");
    if (checked.rendered()) {
      throw new IllegalStateException("this result went through render already");
    }
    return render(
        checked,
        checked
            .values()
            .map(v -> RenderTask.later(v, checked.request(), capabilities, clusterUid))
            .orElse(null));
  }

  private PipelineResult render(PipelineResult checked, RenderTask task) {
    PipelineRequest request = checked.request();
    if (checked.values().isEmpty() || request.partial()) {
      return done(checked, checked.findings(), null);
    }
    LoadedValues loaded = checked.values().get();
    List<Finding> findings = checked.findings();
    boolean errors = checked.hasErrors();
    // Only rendering finds the problems of template expressions: values that hold one are rendered
    // even when they have errors already (nothing rendered is kept then), so that every command
    // reports them with the others.
    if (errors && !TemplateExpressions.in(loaded.tree())) {
      return done(checked, findings, null);
    }
    List<Finding> all = new ArrayList<>(findings);
    RenderTask.Outcome outcome = task.result();
    if (outcome.failure() != null) {
      all.addAll(newFindings(findings, outcome.failure().findings()));
      return done(checked, all, null);
    }
    Rendering rendering = outcome.rendering();
    if (errors) {
      return done(checked, all, null);
    }
    List<SourceText> sources = checked.sources();
    if (request.validateManifests()) {
      // The whole rendering: the checks look across objects.
      all.addAll(manifestFindings(rendering));
      sources = new ArrayList<>(sources);
      sources.add(new SourceText(RENDERED_MANIFESTS, rendering.toYaml()));
    }
    return new PipelineResult(
        request, all, loaded, sources, PipelineResult.hasErrors(all) ? null : rendering, true);
  }

  /** The one policy: an error stops the render, a warning never does. */
  static boolean stops(Finding finding) {
    return finding.severity() == Severity.ERROR;
  }

  private static PipelineResult done(
      PipelineResult checked, List<Finding> findings, Rendering rendering) {
    return new PipelineResult(
        checked.request(),
        findings,
        checked.values().orElse(null),
        checked.sources(),
        rendering,
        true);
  }

  /**
   * The render's findings that the value rules did not report already: a finding of the same rule
   * about the same value, or any about a value the rules found an error in (rendered past the
   * error, it fails again). The render's {@code chart.required} repeats the value rules' when those
   * found errors; without them it is a required value that only rendering found missing, and it is
   * kept.
   */
  private static List<Finding> newFindings(List<Finding> known, List<Finding> rendered) {
    boolean errors = PipelineResult.hasErrors(known);
    List<Finding> added = new ArrayList<>();
    for (Finding f : rendered) {
      boolean repeated =
          known.stream()
              .anyMatch(
                  k -> k.path().equals(f.path()) && (k.ruleId().equals(f.ruleId()) || stops(k)));
      if (!repeated && !(errors && f.ruleId().equals(CHART_REQUIRED))) {
        added.add(f);
      }
    }
    return added;
  }

  /**
   * The manifest checks' findings, pointing into the rendered YAML stream (their lines count in it)
   * and naming the template each object comes from in the message.
   */
  private static List<Finding> manifestFindings(Rendering rendering) {
    return ManifestValidator.create().validate(rendering).stream()
        .map(
            f ->
                new Finding(
                    RENDERED_MANIFESTS,
                    f.line(),
                    f.column(),
                    f.path(),
                    f.ruleId(),
                    f.severity(),
                    f.file() + ": " + f.message()))
        .toList();
  }
}
