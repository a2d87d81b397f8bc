package dev.pwk.renderer.examples;

import dev.pwk.kube.Release;
import dev.pwk.renderer.KubeCapabilities;
import dev.pwk.renderer.RenderException;
import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.Renderer;
import dev.pwk.renderer.Rendering;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.nio.file.Path;

/** Renders a worker with autoscaling for Kubernetes 1.20, as {@code pwk template} does. */
public final class RenderExample {
  private RenderExample() {}

  public static void main(String[] args) throws ValuesException, RenderException {
    System.out.print(render(Path.of(args[0])));
  }

  /** The HorizontalPodAutoscaler as YAML, with Helm's {@code ---} and {@code # Source:} lines. */
  static String render(Path valuesFile) throws ValuesException, RenderException {
    LoadedValues values =
        ValuesLoader.create()
            .load(
                ValueInputs.builder()
                    .file(valuesFile)
                    .set("worker.autoscaling.enabled=true")
                    .build());
    // Helm's rules for the names (pwk-kube); a bad one throws IllegalArgumentException.
    Release release = new Release("worker", "prefect");
    RenderOptions options =
        RenderOptions.builder()
            .releaseName(release.name())
            .namespace(release.namespace())
            .capabilities(KubeCapabilities.of("1.20")) // like --kube-version 1.20
            .build();
    // Only what stops the chart from rendering is reported, as RenderException.findings();
    // pwk-validator's ValuesValidator lints the values for everything else.
    Rendering rendering = Renderer.create().render(values, options);
    // Kubernetes 1.20 serves no autoscaling/v2, so the HPA comes out as autoscaling/v2beta2.
    return rendering.select(o -> o.object().getKind().equals("HorizontalPodAutoscaler")).toYaml();
  }
}
