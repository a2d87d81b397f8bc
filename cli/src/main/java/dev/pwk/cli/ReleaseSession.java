package dev.pwk.cli;

import dev.pwk.kube.Release;
import dev.pwk.pipeline.Pipeline;
import dev.pwk.pipeline.PipelineRequest;
import dev.pwk.pipeline.PipelineResult;
import dev.pwk.release.ChartRef;
import dev.pwk.release.ClusterInfo;
import dev.pwk.release.ReleaseException;
import dev.pwk.release.ReleaseListener;
import dev.pwk.release.ReleaseManager;
import dev.pwk.release.ReleaseNames;
import dev.pwk.release.ReleaseOptions;
import dev.pwk.release.ReleasePlan;
import dev.pwk.release.ReleaseResult;
import dev.pwk.renderer.KubeCapabilities;
import dev.pwk.renderer.RenderedObject;
import dev.pwk.values.ChartInfo;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValuesContract;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the release commands share: a client for the chosen cluster, a release manager that reports
 * on standard error, and the render of the user's values for that cluster.
 */
final class ReleaseSession implements AutoCloseable {
  /** Thrown after findings were printed; carries only the exit code. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    Stop(int exitCode) {
      super(null, null, false, false);
      this.exitCode = exitCode;
    }
  }

  private final KubernetesClient client;
  private final ReleaseManager manager;
  final String namespace;
  private final PrintWriter err;
  private final boolean noColor;
  private boolean reached;

  private ReleaseSession(
      KubernetesClient client, String namespace, PrintWriter err, boolean noColor) {
    this.client = client;
    this.namespace = namespace;
    this.err = err;
    this.noColor = noColor;
    this.manager =
        new ReleaseManager(client, new StderrListener(err), VersionProvider.toolVersion());
  }

  /**
   * A session for the cluster {@code kube} names. It reads the kubeconfig but does not connect yet,
   * so that the values can be checked first: a user with broken values and no cluster at hand
   * learns about the values.
   */
  static ReleaseSession open(KubeOptions kube, PrintWriter err, boolean noColor) {
    return open(kube, err, noColor, ReleaseManager.REQUEST_TIMEOUT);
  }

  /**
   * As {@link #open(KubeOptions, PrintWriter, boolean)}, with requests that time out after {@code
   * timeout} when that is under 10 s.
   */
  static ReleaseSession open(
      KubeOptions kube, PrintWriter err, boolean noColor, java.time.Duration timeout) {
    Kubeconfig.check(kube.kubeconfig, System.getenv("KUBECONFIG"));
    KubernetesClient client = newClient(kube, timeout);
    String ns = kube.namespace;
    if (ns == null || ns.isBlank()) {
      ns = client.getNamespace() == null ? "default" : client.getNamespace();
    }
    try {
      // A namespace named with -n was checked with the release name; this one is the context's.
      ReleaseNames.checkNamespace(ns);
    } catch (ReleaseException e) {
      client.close();
      throw new UserException(
          e.getMessage() + " (from the kubeconfig context)", ExitCodes.of(e.kind()));
    }
    return new ReleaseSession(client, ns, err, noColor);
  }

  private static KubernetesClient newClient(KubeOptions kube, java.time.Duration timeout) {
    if (kube.kubeconfig == null) {
      return call(() -> ReleaseManager.newClient(kube.context, timeout));
    }
    // fabric8 reads the kubeconfig path from this property before $KUBECONFIG; it is put back
    // afterwards so that nothing else in this process sees it.
    String previous = System.setProperty("kubeconfig", kube.kubeconfig.toAbsolutePath().toString());
    try {
      return call(() -> ReleaseManager.newClient(kube.context, timeout));
    } finally {
      if (previous == null) {
        System.clearProperty("kubeconfig");
      } else {
        System.setProperty("kubeconfig", previous);
      }
    }
  }

  /** The release manager, once the API server is known to listen. */
  ReleaseManager manager() {
    if (!reached) {
      try {
        ReleaseManager.checkReachable(client);
      } catch (ReleaseException e) {
        throw new UserException(e.getMessage(), ExitCodes.of(e.kind()));
      }
      reached = true;
    }
    return manager;
  }

  /** Runs a release-manager call, turning its failures into one-line user errors. */
  static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (ReleaseException e) {
      throw new UserException(e.getMessage(), ExitCodes.of(e.kind()));
    }
  }

  /**
   * Loads and lints the values, then discovers the cluster and renders for it. The values are
   * checked before the cluster is contacted. Findings are printed on standard error; errors stop
   * here with {@link Stop}.
   */
  ReleasePlan plan(String name, ValuesOptions values, ReleaseOptions options) {
    Pipeline pipeline = Pipeline.create();
    PipelineResult checked =
        pipeline.check(
            PipelineRequest.builder(values.inputs()).release(new Release(name, namespace)).build());
    if (checked.hasErrors()) {
      // Rendered for the findings only, as lint and template report them; no cluster is needed.
      PipelineResult stopped = pipeline.render(checked, KubeCapabilities.DEFAULT, "");
      Diagnostics.print(err, stopped, noColor);
      throw new Stop(Diagnostics.exitCodeFor(stopped.findings()));
    }
    Diagnostics.print(err, checked, noColor);
    LoadedValues loaded = checked.values().orElseThrow();
    boolean lookUpUid = loaded.tree().path("worker").path("clusterUid").asText("").isEmpty();
    ClusterInfo cluster = call(() -> manager().discover(lookUpUid));
    KubeCapabilities capabilities =
        new KubeCapabilities(cluster.major(), cluster.minor(), cluster.apiVersions());
    PipelineResult result = pipeline.render(checked, capabilities, cluster.clusterUid());
    List<Finding> rendered =
        result.findings().subList(checked.findings().size(), result.findings().size());
    Diagnostics.print(err, rendered, result, noColor);
    if (result.rendering().isEmpty()) {
      throw new Stop(ExitCodes.FINDINGS);
    }
    List<HasMetadata> objects =
        result.rendering().get().objects().stream().map(RenderedObject::object).toList();
    ChartInfo chart = ValuesContract.chart();
    return new ReleasePlan(
        name,
        namespace,
        objects,
        loaded.tree(),
        new ChartRef(chart.name(), chart.version(), chart.appVersion()),
        options);
  }

  /** Prints the outcome of an install, upgrade or rollback, like Helm's summary. */
  static void printResult(PrintWriter out, ReleaseResult result) {
    var r = result.revision();
    out.println("NAME: " + r.name());
    out.println("NAMESPACE: " + r.namespace());
    out.println("REVISION: " + r.revision());
    out.println("STATUS: " + r.status().toString());
    if (result.dryRun() != ReleaseOptions.DryRun.NONE) {
      out.println("DRY RUN: " + result.dryRun().name().toLowerCase() + " (nothing was changed)");
    }
    out.println("DESCRIPTION: " + r.description());
    boolean dry = result.dryRun() != ReleaseOptions.DryRun.NONE;
    out.println("OBJECTS:");
    result.applied().forEach(o -> out.println((dry ? "  would apply   " : "  applied  ") + o));
    result.deleted().forEach(o -> out.println((dry ? "  would delete  " : "  deleted  ") + o));
    out.flush();
  }

  @Override
  public void close() {
    client.close();
  }

  /** Steps and warnings on standard error; progress overwrites its line on a terminal. */
  private static final class StderrListener implements ReleaseListener {
    private final PrintWriter err;
    private final boolean terminal = Terminal.interactive();
    private boolean progressShown;

    StderrListener(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void info(String message) {
      endProgress();
      err.println(message);
      err.flush();
    }

    @Override
    public void warn(String message) {
      endProgress();
      err.println("warning: " + message);
      err.flush();
    }

    @Override
    public void progress(String message) {
      if (!terminal) {
        info(message);
        return;
      }
      err.print("\r\u001b[2K" + message);
      err.flush();
      progressShown = true;
    }

    private void endProgress() {
      if (progressShown) {
        err.println();
        progressShown = false;
      }
    }
  }
}
