package dev.pwk.it;

import dev.pwk.renderer.KubeCapabilities;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLException;

/**
 * The Kubernetes cluster the integration tests run against, found through {@code KUBECONFIG} (or
 * the local control plane's kubeconfig), with what it can do: its version and served API versions,
 * and whether a kubelet runs pods. Where none does, a {@link FakeKubelet} plays its part. One per
 * test run; see {@link ClusterExtension}.
 */
final class Cluster implements AutoCloseable {
  /** Field manager of everything the tests apply themselves (not through the cli). */
  static final String FIELD_MANAGER = "pwk-it";

  /** Label on every namespace a run creates, valued with the run id. */
  static final String RUN_LABEL = "pwk.dev/it-run";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  /** A kubelet renews its node Lease every 10 s; allow for a busy control plane. */
  private static final Duration KUBELET_HEARTBEAT = Duration.ofSeconds(60);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KubernetesClient client;
  private final Path kubeconfig;
  private final VersionInfo version;
  private final KubeCapabilities capabilities;
  private final String runId;
  private final Optional<String> kubeletNode;
  private final FakeKubelet fakeKubelet;
  private final List<String> namespaces = new ArrayList<>();
  private final List<String> sharedNamespaces = new ArrayList<>();

  private Cluster(KubernetesClient client, Path kubeconfig, String runId) {
    this.client = client;
    this.kubeconfig = kubeconfig;
    this.runId = runId;
    this.version = client.getKubernetesVersion();
    this.capabilities =
        KubeCapabilities.of(version.getGitVersion()).withApiVersions(servedApiVersions(client));
    this.kubeletNode = nodeWithKubelet(client);
    this.fakeKubelet =
        kubeletNode.isPresent() ? null : FakeKubelet.start(client, "pwk-it-node-" + runId);
  }

  /**
   * The outcome of looking for a cluster: a connected cluster, or why there is none.
   *
   * @param configured true when there was a kubeconfig to try ({@code KUBECONFIG} set, or the file
   *     local.sh writes present), so a failure is worth explaining
   */
  record Lookup(Optional<Cluster> cluster, String problem, boolean configured) {}

  /**
   * Finds the cluster: the first existing file of {@code KUBECONFIG} when that variable is set,
   * else {@code ${PWK_K8S_RUN:-/tmp/pwk-k8s}/kubeconfig} (written by {@code local.sh up}) when it
   * exists, and connects if its API server answers.
   */
  static Lookup find() {
    String env = System.getenv("KUBECONFIG");
    Path file;
    String source;
    if (env != null && !env.isBlank()) {
      source = "KUBECONFIG=" + env;
      file = null;
      for (String part : env.split(File.pathSeparator)) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          file = Path.of(part);
          break;
        }
      }
      if (file == null) {
        return new Lookup(Optional.empty(), source + ": no such file", true);
      }
    } else {
      String run = System.getenv().getOrDefault("PWK_K8S_RUN", "/tmp/pwk-k8s");
      file = Path.of(run, "kubeconfig");
      source = file.toString();
      if (!Files.isRegularFile(file)) {
        return new Lookup(
            Optional.empty(), "KUBECONFIG is not set and " + file + " does not exist", false);
      }
    }
    String server = "?";
    try {
      Config probeConfig = config(file, PROBE_TIMEOUT);
      server = probeConfig.getMasterUrl();
      try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(probeConfig).build()) {
        probe.getKubernetesVersion();
      }
    } catch (RuntimeException e) {
      return new Lookup(
          Optional.empty(),
          source + ": the API server at " + server + " did not answer (" + reason(e) + ")",
          true);
    }
    KubernetesClient client =
        new KubernetesClientBuilder().withConfig(config(file, Duration.ofSeconds(30))).build();
    try {
      return new Lookup(Optional.of(new Cluster(client, file, newRunId())), "", true);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * A client configuration from the kubeconfig file. No retries: a test talks to a local server,
   * and fabric8 retries every 5xx, which a 1.20 server returns for a server-side apply it rejects.
   */
  private static Config config(Path kubeconfig, Duration requestTimeout) {
    Config base = Config.fromKubeconfig(kubeconfig.toFile());
    return new ConfigBuilder(base)
        .withRequestTimeout((int) requestTimeout.toMillis())
        .withConnectionTimeout((int) PROBE_TIMEOUT.toMillis())
        .withRequestRetryBackoffLimit(0)
        .build();
  }

  /**
   * Why a request failed, in a few words: the network error if there is one (the JDK client's carry
   * no message), else the innermost message.
   */
  private static String reason(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getPackageName().startsWith("java.net") || t instanceof SSLException) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
      }
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static String newRunId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  /**
   * What the cluster serves, as Helm's {@code .Capabilities.APIVersions} lists it: every group
   * version ({@code policy/v1beta1}) and every group version with a kind ({@code
   * policy/v1beta1/PodDisruptionBudget}).
   */
  private static Set<String> servedApiVersions(KubernetesClient client) {
    Set<String> groupVersions = new TreeSet<>(client.getAPIVersions().getVersions());
    for (APIGroup group : client.getApiGroups().getGroups()) {
      for (GroupVersionForDiscovery v : group.getVersions()) {
        groupVersions.add(v.getGroupVersion());
      }
    }
    Set<String> all = new TreeSet<>(groupVersions);
    for (String gv : groupVersions) {
      for (APIResource r : client.getApiResources(gv).getResources()) {
        if (!r.getName().contains("/")) {
          all.add(gv + "/" + r.getKind());
        }
      }
    }
    return all;
  }

  /**
   * A node with a kubelet behind it: Ready, and its Lease in {@code kube-node-lease} renewed
   * lately. A node object someone wrote by hand (ours or another run's) has no such heartbeat.
   */
  private static Optional<String> nodeWithKubelet(KubernetesClient client) {
    Instant now = Instant.now();
    for (Node node : client.nodes().list().getItems()) {
      if (FakeKubelet.isFake(node) || !FakeKubelet.isReady(node)) {
        continue;
      }
      Lease lease =
          client
              .leases()
              .inNamespace("kube-node-lease")
              .withName(node.getMetadata().getName())
              .get();
      if (lease != null && lease.getSpec() != null && lease.getSpec().getRenewTime() != null) {
        if (lease.getSpec().getRenewTime().toInstant().isAfter(now.minus(KUBELET_HEARTBEAT))) {
          return Optional.of(node.getMetadata().getName());
        }
      }
    }
    return Optional.empty();
  }

  KubernetesClient client() {
    return client;
  }

  /** The kubeconfig file the tests use, for running the cli against the same cluster. */
  Path kubeconfig() {
    return kubeconfig;
  }

  /** The discovered version and served API versions, to render for. */
  KubeCapabilities capabilities() {
    return capabilities;
  }

  /** True when a real kubelet runs pods; otherwise {@link #fakeKubelet()} does. */
  boolean hasKubelet() {
    return kubeletNode.isPresent();
  }

  /** The kubelet stand-in, when the cluster has no kubelet. */
  Optional<FakeKubelet> fakeKubelet() {
    return Optional.ofNullable(fakeKubelet);
  }

  /** One line for the test log. */
  String describe() {
    return "Kubernetes "
        + version.getGitVersion()
        + " at "
        + client.getMasterUrl()
        + " ("
        + kubeconfig
        + "); "
        + kubeletNode
            .map(n -> "pods run on node " + n)
            .orElseGet(
                () ->
                    "no kubelet: the tests play it for their pods (node "
                        + fakeKubelet.nodeName()
                        + ")");
  }

  /**
   * Creates a fresh namespace {@code pwk-it-<purpose>-<random>}; closing it deletes it and any
   * namespace created through it.
   */
  TestNamespace newNamespace(String purpose) {
    String clean = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    clean = clean.replaceAll("^-+|-+$", "");
    if (clean.length() > 30) {
      clean = clean.substring(0, 30).replaceAll("-+$", "");
    }
    String name = "pwk-it-" + clean + "-" + newRunId();
    return TestNamespace.create(this, name);
  }

  /** Records a namespace this run created, and has its pods run where there is no kubelet. */
  void track(String namespace) {
    synchronized (namespaces) {
      namespaces.add(namespace);
    }
    if (fakeKubelet != null) {
      fakeKubelet.serve(namespace);
    }
  }

  /**
   * Makes sure the namespace {@code name}, which values name literally ({@code namespaceOverride},
   * {@code role.namespace}), exists for the rest of the run. One this run creates is deleted at its
   * end, not after each test: the next test may need it again, and a namespace being deleted cannot
   * be created anew until its deletion completes.
   */
  synchronized void ensureSharedNamespace(String name) {
    if (sharedNamespaces.contains(name)) {
      return;
    }
    var existing = client.namespaces().withName(name).get();
    if (existing != null && existing.getMetadata().getDeletionTimestamp() == null) {
      return;
    }
    if (existing != null) {
      Poll.until(
          Duration.ofSeconds(90),
          "namespace " + name + " (left by an earlier run) to finish terminating",
          () -> client.namespaces().withName(name).get(),
          ns -> ns == null,
          ns -> "still terminating");
    }
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(RUN_LABEL, runId)
                .endMetadata()
                .build())
        .create();
    sharedNamespaces.add(name);
    track(name);
  }

  String runId() {
    return runId;
  }

  /**
   * Stops playing the kubelet and removes the fake node, after waiting (bounded) for the namespaces
   * of this run to be gone: their pods' deletion needs a kubelet to finish.
   */
  @Override
  public void close() {
    try {
      synchronized (this) {
        for (String ns : sharedNamespaces) {
          client.namespaces().withName(ns).delete();
        }
      }
      if (fakeKubelet != null) {
        List<String> ours;
        synchronized (namespaces) {
          ours = List.copyOf(namespaces);
        }
        Poll.within(
            Duration.ofSeconds(60),
            () -> ours.stream().allMatch(n -> client.namespaces().withName(n).get() == null));
        fakeKubelet.close();
      }
    } finally {
      client.close();
    }
  }
}
