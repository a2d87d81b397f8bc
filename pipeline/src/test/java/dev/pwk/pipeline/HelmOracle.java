package dev.pwk.pipeline;

import dev.pwk.values.testing.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs {@code helm template} (v4.1.4, from {@code tools/helm}) on the released chart archive in the
 * test resources: the oracle the differential tests compare pwk with.
 */
final class HelmOracle {
  private final Helm helm;
  private final Path chart;

  private HelmOracle(Helm helm, Path chart) {
    this.helm = helm;
    this.chart = chart;
  }

  /**
   * The oracle found from the repository root: {@code tools/helm --path} (which honours {@code
   * PWK_HELM} and installs helm on first use) and the archive of the chart version pwk bundles.
   */
  static HelmOracle fromRepository(Path root, String chartVersion) throws IOException {
    Path archive =
        root.resolve("values-schema/src/test/resources/charts")
            .resolve("prefect-worker-" + chartVersion + ".tgz");
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("no chart archive " + archive);
    }
    return new HelmOracle(Helm.fromRepository(root), archive);
  }

  /** {@code helm template} of one generated case. */
  Helm.Run template(GeneratedCase c) {
    Path values = helm.valuesFile("values.yaml", c.valuesYaml());
    return helm.template(c.release(), chart, c.helmArgs(values.toString()));
  }
}
