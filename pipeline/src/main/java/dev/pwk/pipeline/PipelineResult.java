package dev.pwk.pipeline;

import dev.pwk.renderer.Rendering;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.SecretValues;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Pipeline} produced: every finding, the loaded values, and the rendering unless a
 * finding stopped it.
 *
 * <p>Findings come in the order of the stages that found them: loading and the value rules (ordered
 * by source, line and column), then the render's, then the manifest checks'. A finding the render
 * repeats (same rule, same value) is reported once. Manifest findings name {@link
 * Pipeline#RENDERED_MANIFESTS} as their file, with lines in the rendered YAML stream, and their
 * message starts with the chart template the object comes from.
 */
public final class PipelineResult {
  private final PipelineRequest request;
  private final List<Finding> findings;
  private final LoadedValues values;
  private final List<SourceText> sources;
  private final Rendering rendering;
  private final boolean rendered;

  PipelineResult(
      PipelineRequest request,
      List<Finding> findings,
      LoadedValues values,
      List<SourceText> sources,
      Rendering rendering,
      boolean rendered) {
    this.request = request;
    this.findings = List.copyOf(findings);
    this.values = values;
    this.sources = List.copyOf(sources);
    this.rendering = rendering;
    this.rendered = rendered;
  }

  /** Every finding, in stage order (see the class comment). */
  public List<Finding> findings() {
    return findings;
  }

  /** The loaded values; empty when they could not be loaded. */
  public Optional<LoadedValues> values() {
    return Optional.ofNullable(values);
  }

  /**
   * The rendering; empty when an error stopped it, when the request was partial, or before {@link
   * Pipeline#render} for a result of {@link Pipeline#check}.
   */
  public Optional<Rendering> rendering() {
    return Optional.ofNullable(rendering);
  }

  /**
   * The texts the findings point into, for code frames: the values files that could be read, and
   * the rendered YAML stream when manifests were checked.
   */
  public List<SourceText> sources() {
    return sources;
  }

  /** The secret values of the loaded values, to mask wherever a report would show them. */
  public SecretValues secrets() {
    return values == null ? SecretValues.none() : SecretValues.of(values.tree());
  }

  /** True when a finding is an error: then nothing was (or will be) rendered. */
  public boolean hasErrors() {
    return hasErrors(findings);
  }

  /** How many findings have the given severity. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(Pipeline::stops);
  }

  PipelineRequest request() {
    return request;
  }

  boolean rendered() {
    return rendered;
  }
}
