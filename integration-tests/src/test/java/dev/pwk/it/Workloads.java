package dev.pwk.it;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Waits on Deployments and their pods, and creates what a user creates beside a worker. */
final class Workloads {
  /** Long enough for the controllers and the scheduler of a loaded two-core machine. */
  static final Duration ROLLOUT = Duration.ofSeconds(90);

  private Workloads() {}

  /** The Secret the worker reads its Prefect API key from ({@code apiKeySecret} defaults). */
  static void createApiKeySecret(Cluster cluster, String namespace) {
    cluster
        .client()
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("prefect-api-key")
                .endMetadata()
                .addToStringData("key", "pnu_integration-test-not-a-real-key")
                .build())
        .create();
  }

  /**
   * Waits until the Deployment has rolled out: its current generation observed, and {@code
   * replicas} updated and available replicas.
   */
  static Deployment awaitAvailable(Cluster cluster, TestNamespace ns, String name, int replicas) {
    return Poll.until(
        ROLLOUT,
        "Deployment " + ns.name() + "/" + name + " to have " + replicas + " available replicas",
        () -> cluster.client().apps().deployments().inNamespace(ns.name()).withName(name).get(),
        d -> d != null && rolledOut(d, replicas),
        d -> (d == null ? "no Deployment" : status(d)) + "; pods: " + ns.describePods());
  }

  static boolean rolledOut(Deployment d, int replicas) {
    DeploymentStatus s = d.getStatus();
    return s != null
        && Objects.equals(s.getObservedGeneration(), d.getMetadata().getGeneration())
        && Objects.equals(s.getUpdatedReplicas(), replicas)
        && Objects.equals(s.getAvailableReplicas(), replicas)
        && Objects.equals(s.getReplicas(), replicas);
  }

  private static String status(Deployment d) {
    DeploymentStatus s = d.getStatus();
    return s == null
        ? "no status"
        : "replicas="
            + s.getReplicas()
            + " updated="
            + s.getUpdatedReplicas()
            + " available="
            + s.getAvailableReplicas()
            + " observedGeneration="
            + s.getObservedGeneration()
            + "/"
            + d.getMetadata().getGeneration();
  }

  /** The pods that {@code matchLabels} selects in the namespace. */
  static List<Pod> podsMatching(Cluster cluster, String namespace, Map<String, String> labels) {
    return cluster.client().pods().inNamespace(namespace).withLabels(labels).list().getItems();
  }

  /** The Deployment that owns the pod through its ReplicaSet, or "" if none. */
  static String owningDeployment(Cluster cluster, Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    return pod.getMetadata().getOwnerReferences().stream()
        .filter(o -> "ReplicaSet".equals(o.getKind()))
        .findFirst()
        .map(o -> cluster.client().apps().replicaSets().inNamespace(ns).withName(o.getName()).get())
        .flatMap(
            rs ->
                rs.getMetadata().getOwnerReferences().stream()
                    .filter(o -> "Deployment".equals(o.getKind()))
                    .findFirst())
        .map(o -> o.getName())
        .orElse("");
  }
}
