/**
 * The lint and render pipeline as a library: {@link dev.pwk.pipeline.Pipeline} loads values,
 * applies the value rules, renders and checks the manifests for a {@link
 * dev.pwk.pipeline.PipelineRequest}, and returns every finding with the rendering in a {@link
 * dev.pwk.pipeline.PipelineResult}. An error-severity finding always stops the render; a warning
 * never does. Every pwk command that lints or renders values calls it.
 */
package dev.pwk.pipeline;
