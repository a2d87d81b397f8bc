package dev.pwk.values;

import dev.pwk.values.testing.Helm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code helm template} of values texts on a chart archive, failing when helm does. */
final class HelmTemplate {
  private final Helm helm;

  private HelmTemplate(Helm helm) {
    this.helm = helm;
  }

  /** Finds helm through {@code tools/helm --path}, which installs it on first use. */
  static HelmTemplate fromRepository(Path root) throws IOException {
    return new HelmTemplate(Helm.fromRepository(root));
  }

  /** The manifests of {@code helm template worker CHART -f FILE...}; fails when helm does. */
  String render(Path chart, String... valuesFiles) {
    List<String> args = new ArrayList<>();
    int i = 0;
    for (String text : valuesFiles) {
      args.add("-f");
      args.add(helm.valuesFile("values-" + i++ + ".yaml", text).toString());
    }
    Helm.Run run = helm.template("worker", chart, args);
    if (!run.rendered()) {
      throw new AssertionError("helm template " + chart.getFileName() + " failed: " + run.err());
    }
    return run.out();
  }
}
