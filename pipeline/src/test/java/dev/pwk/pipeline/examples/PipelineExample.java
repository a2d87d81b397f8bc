package dev.pwk.pipeline.examples;

import dev.pwk.kube.Release;
import dev.pwk.pipeline.Pipeline;
import dev.pwk.pipeline.PipelineRequest;
import dev.pwk.pipeline.PipelineResult;
import dev.pwk.values.Finding;
import dev.pwk.values.ValueInputs;
import java.nio.file.Path;

/** Lints, renders and checks a values file, as {@code pwk template --validate} does. */
public final class PipelineExample {
  private PipelineExample() {}

  public static void main(String[] args) {
    System.out.print(template(Path.of(args[0])));
  }

  /** Every finding, one a line; then the manifests, unless an error stopped the render. */
  static String template(Path valuesFile) {
    PipelineResult result =
        Pipeline.create()
            .run(
                PipelineRequest.builder(ValueInputs.ofFiles(valuesFile))
                    .release(new Release("worker", "prefect"))
                    .validateManifests(true) // like --validate
                    .build());
    StringBuilder out = new StringBuilder();
    for (Finding f : result.findings()) {
      out.append(f).append('\n');
    }
    result.rendering().ifPresent(r -> out.append(r.toYaml()));
    return out.toString();
  }
}
