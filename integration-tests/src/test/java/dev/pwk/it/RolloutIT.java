package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.pwk.renderer.Rendering;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rendered Deployment runs: the ReplicaSet controller creates its pods, the scheduler binds
 * them to a node, and once they are ready (on a cluster without a kubelet, because {@link
 * FakeKubelet} says so) the Deployment reports them available.
 */
@RequiresCluster
@DisplayName("The worker Deployment rolls out")
class RolloutIT {

  @Test
  @DisplayName(
      "its pods are created by its ReplicaSet, bound to a node, become ready, and the Deployment"
          + " reports every replica available")
  void rollsOut(Cluster cluster, TestNamespace ns) {
    Workloads.createApiKeySecret(cluster, ns.name());
    Rendering rendering =
        Manifests.render(
            cluster, "rollout", ns.name(), Manifests.values("cloud.yaml", "worker.replicaCount=2"));
    Manifests.apply(cluster, rendering);
    Deployment deployment = rendering.find(Deployment.class).orElseThrow();
    String name = deployment.getMetadata().getName();

    Workloads.awaitAvailable(cluster, ns, name, 2);

    List<Pod> pods =
        Workloads.podsMatching(
            cluster, ns.name(), deployment.getSpec().getSelector().getMatchLabels());
    assertEquals(2, pods.size(), ns.describePods());
    for (Pod pod : pods) {
      assertEquals(name, Workloads.owningDeployment(cluster, pod), "owner of " + podName(pod));
      String node = pod.getSpec().getNodeName();
      assertFalse(node == null || node.isEmpty(), podName(pod) + " was not scheduled");
      assertNotNull(cluster.client().nodes().withName(node).get(), "node " + node);
      assertEquals("Running", pod.getStatus().getPhase(), podName(pod));
    }
  }

  @Test
  @DisplayName("its pods wait while the API key Secret is missing, and start once it is created")
  void waitsForTheApiKeySecret(Cluster cluster, TestNamespace ns) {
    Rendering rendering =
        Manifests.render(cluster, "rollout", ns.name(), Manifests.values("cloud.yaml"));
    Manifests.apply(cluster, rendering);
    Deployment deployment = rendering.find(Deployment.class).orElseThrow();
    String name = deployment.getMetadata().getName();

    Poll.until(
        Workloads.ROLLOUT,
        "a worker pod to report CreateContainerConfigError for the missing Secret",
        () ->
            Workloads.podsMatching(
                cluster, ns.name(), deployment.getSpec().getSelector().getMatchLabels()),
        pods -> pods.stream().anyMatch(p -> waitingFor(p, "CreateContainerConfigError")),
        pods -> ns.describePods());
    Deployment waiting =
        cluster.client().apps().deployments().inNamespace(ns.name()).withName(name).get();
    assertFalse(Workloads.rolledOut(waiting, 1), "rolled out without its API key Secret");

    Workloads.createApiKeySecret(cluster, ns.name());
    Workloads.awaitAvailable(cluster, ns, name, 1);
  }

  private static boolean waitingFor(Pod pod, String reason) {
    if (pod.getStatus() == null) {
      return false;
    }
    return Stream.concat(
            pod.getStatus().getInitContainerStatuses().stream(),
            pod.getStatus().getContainerStatuses().stream())
        .map(ContainerStatus::getState)
        .anyMatch(
            s -> s != null && s.getWaiting() != null && reason.equals(s.getWaiting().getReason()));
  }

  private static String podName(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
