package dev.pwk.it;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.stream.Collectors;

/** A namespace of its own for one test, deleted when closed. */
final class TestNamespace implements AutoCloseable {
  private final Cluster cluster;
  private final String name;

  private TestNamespace(Cluster cluster, String name) {
    this.cluster = cluster;
    this.name = name;
  }

  static TestNamespace create(Cluster cluster, String name) {
    TestNamespace ns = new TestNamespace(cluster, name);
    cluster
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(Cluster.RUN_LABEL, cluster.runId())
                .endMetadata()
                .build())
        .create();
    cluster.track(name);
    return ns;
  }

  String name() {
    return name;
  }

  /**
   * Makes sure namespace {@code other} exists, when the values name it ({@code namespaceOverride},
   * {@code role.namespace}): such a fixed name is shared by the tests of a run and deleted at its
   * end (see {@link Cluster#ensureSharedNamespace}).
   */
  void ensure(String other) {
    if (!other.equals(name)) {
      cluster.ensureSharedNamespace(other);
    }
  }

  /** The pods of this namespace, one line each, for failure messages. */
  String describePods() {
    List<Pod> pods = client().pods().inNamespace(name).list().getItems();
    if (pods.isEmpty()) {
      return "no pods in " + name;
    }
    return pods.stream()
        .map(
            p ->
                p.getMetadata().getName()
                    + " node="
                    + p.getSpec().getNodeName()
                    + " phase="
                    + (p.getStatus() == null ? null : p.getStatus().getPhase()))
        .collect(Collectors.joining("; "));
  }

  private KubernetesClient client() {
    return cluster.client();
  }

  /** Deletes the namespace; the namespace controller removes its contents afterwards. */
  @Override
  public void close() {
    try {
      client().namespaces().withName(name).delete();
    } catch (KubernetesClientException e) {
      System.err.println("cannot delete namespace " + name + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
