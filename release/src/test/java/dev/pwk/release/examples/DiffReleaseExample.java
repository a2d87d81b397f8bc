package dev.pwk.release.examples;

import dev.pwk.release.ChartRef;
import dev.pwk.release.ObjectDiff;
import dev.pwk.release.ReleaseException;
import dev.pwk.release.ReleaseListener;
import dev.pwk.release.ReleaseManager;
import dev.pwk.release.ReleaseOptions;
import dev.pwk.release.ReleasePlan;
import dev.pwk.renderer.RenderException;
import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.RenderedObject;
import dev.pwk.renderer.Renderer;
import dev.pwk.values.ChartInfo;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/** Shows what installing or upgrading a worker release would change, as {@code pwk diff} does. */
public final class DiffReleaseExample {
  private DiffReleaseExample() {}

  public static void main(String[] args) throws ValuesException, RenderException {
    // The current context of $KUBECONFIG (or ~/.kube/config), with retries on 429 and 5xx.
    try (KubernetesClient client = ReleaseManager.newClient(null)) {
      System.out.print(diff(client, Path.of(args[0])));
    } catch (ReleaseException e) {
      // One line for the user; the kind (NOT_FOUND, LOCKED, UNREACHABLE...) says what went wrong.
      System.err.println("pwk: " + e.getMessage() + " [" + e.kind() + "]");
      System.exit(1);
    }
  }

  /** One line per object (added, changed, unchanged or removed), each followed by its diff. */
  public static String diff(KubernetesClient client, Path valuesFile)
      throws ValuesException, RenderException {
    String name = "worker";
    String namespace = "prefect";
    LoadedValues values = ValuesLoader.create().load(ValueInputs.ofFiles(valuesFile));
    RenderOptions options = RenderOptions.builder().releaseName(name).namespace(namespace).build();
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
            ReleaseOptions.defaults());
    ReleaseManager manager =
        new ReleaseManager(client, ReleaseListener.silent(), "my-platform-tool 1.0");
    // Nothing changes in the cluster: the planned objects are server-side dry-run applies.
    StringBuilder out = new StringBuilder();
    for (ObjectDiff d : manager.diff(plan)) {
      out.append(d.change()).append(' ').append(d.ref()).append('\n').append(d.diff());
    }
    return out.toString();
  }
}
