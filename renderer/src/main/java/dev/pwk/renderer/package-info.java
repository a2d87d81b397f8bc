/**
 * Renders the {@code prefect-worker} chart without Helm: {@link dev.pwk.renderer.Renderer} turns
 * loaded values and {@link dev.pwk.renderer.RenderOptions} into a {@link
 * dev.pwk.renderer.Rendering} of fabric8 objects in Helm's order, printable as {@code helm
 * template} YAML, or fails with a {@link dev.pwk.renderer.RenderException} carrying findings.
 * {@link dev.pwk.renderer.ManifestValidator} then checks a rendering offline, as the API server
 * would, and returns findings of its own.
 */
package dev.pwk.renderer;
