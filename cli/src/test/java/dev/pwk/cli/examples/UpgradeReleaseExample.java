package dev.pwk.cli.examples;

import dev.pwk.kube.Release;
import dev.pwk.release.ChartRef;
import dev.pwk.release.ClusterInfo;
import dev.pwk.release.ReleaseException;
import dev.pwk.release.ReleaseListener;
import dev.pwk.release.ReleaseManager;
import dev.pwk.release.ReleaseOptions;
import dev.pwk.release.ReleasePlan;
import dev.pwk.release.ReleaseResult;
import dev.pwk.renderer.KubeCapabilities;
import dev.pwk.renderer.RenderException;
import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.RenderedObject;
import dev.pwk.renderer.Renderer;
import dev.pwk.validator.LintMode;
import dev.pwk.validator.ValuesValidator;
import dev.pwk.values.ChartInfo;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Installs or upgrades a worker release from Java, as {@code pwk upgrade --install --wait} does.
 * Compiled by the build, never run by it: it needs a cluster.
 */
public final class UpgradeReleaseExample {
  private UpgradeReleaseExample() {}

  public static void main(String[] args) throws ValuesException, RenderException {
    String name = "worker";
    String namespace = "prefect";
    LoadedValues values = ValuesLoader.create().load(ValueInputs.ofFiles(Path.of(args[0])));
    var findings =
        ValuesValidator.create().validate(values, LintMode.FULL, new Release(name, namespace));
    if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
      findings.forEach(System.err::println);
      System.exit(1);
    }

    ReleaseListener log =
        new ReleaseListener() {
          @Override
          public void info(String message) {
            System.err.println(message);
          }

          @Override
          public void warn(String message) {
            System.err.println("warning: " + message);
          }
        };
    // The current context of $KUBECONFIG (or ~/.kube/config), with retries on 429 and 5xx.
    try (KubernetesClient client = ReleaseManager.newClient(null)) {
      ReleaseManager manager = new ReleaseManager(client, log, "my-platform-tool 1.0");
      // Render for the cluster's version; read the kube-system UID unless the values set one.
      boolean lookUpUid = values.tree().at("/worker/clusterUid").asText("").isEmpty();
      ClusterInfo cluster = manager.discover(lookUpUid);
      RenderOptions options =
          RenderOptions.builder()
              .releaseName(name)
              .namespace(namespace)
              .capabilities(
                  new KubeCapabilities(cluster.major(), cluster.minor(), cluster.apiVersions()))
              .clusterUid(cluster.clusterUid())
              .build();
      List<HasMetadata> objects =
          Renderer.create().render(values, options).objects().stream()
              .map(RenderedObject::object)
              .toList();

      ChartInfo chart = ValuesContract.chart();
      ReleasePlan plan =
          new ReleasePlan(
              name,
              namespace,
              objects,
              values.tree(),
              new ChartRef(chart.name(), chart.version(), chart.appVersion()),
              ReleaseOptions.defaults()
                  .withWaitForRollout(true)
                  .withTimeout(Duration.ofMinutes(5)));
      ReleaseResult result = manager.upgrade(plan, true); // true: install when missing
      System.out.println(
          "revision " + result.revision().revision() + " " + result.revision().status());
    } catch (ReleaseException e) {
      // One line for the user; like pwk, exit 2 when the cluster cannot be used, else 1.
      System.err.println("pwk: " + e.getMessage());
      System.exit(e.kind().clusterUnusable() ? 2 : 1);
    }
  }
}
