package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.renderer.Rendering;
import dev.pwk.values.ValueInputs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two worker releases in one namespace, with different {@code fullnameOverride}s and base job
 * template names, as a team running two work pools would install them.
 */
@RequiresCluster
@DisplayName("Two worker releases share a namespace without colliding")
class TwoReleasesIT {

  record Release(String name, Rendering rendering, int replicas) {
    Deployment deployment() {
      return rendering.find(Deployment.class).orElseThrow();
    }

    HasMetadata pdb() {
      return rendering.objects().stream()
          .map(o -> o.object())
          .filter(o -> o.getKind().equals("PodDisruptionBudget"))
          .findFirst()
          .orElseThrow(() -> new AssertionError(name + " rendered no PodDisruptionBudget"));
    }

    Set<String> objectIds() {
      return rendering.objects().stream()
          .map(o -> o.object().getKind() + "/" + o.object().getMetadata().getName())
          .collect(Collectors.toSet());
    }
  }

  private static Release install(Cluster cluster, TestNamespace ns, String name, int replicas) {
    ValueInputs values =
        ValueInputs.builder()
            .file(Manifests.valuesFile("cloud.yaml"))
            .file(Manifests.valuesFile("two-releases-" + name + ".yaml"))
            .build();
    Rendering rendering = Manifests.render(cluster, name, ns.name(), values);
    Manifests.apply(cluster, rendering);
    return new Release(name, rendering, replicas);
  }

  @Test
  @DisplayName(
      "their objects have distinct names, and each Deployment mounts its own base job template")
  void distinctObjects(Cluster cluster, TestNamespace ns) {
    Release alpha = install(cluster, ns, "alpha", 2);
    Release beta = install(cluster, ns, "beta", 1);

    Set<String> shared = new HashSet<>(alpha.objectIds());
    shared.retainAll(beta.objectIds());
    assertTrue(shared.isEmpty(), "objects of both releases: " + shared);
    assertEquals(
        alpha.rendering().objects().size() + beta.rendering().objects().size(),
        countLiveObjects(cluster, alpha, beta),
        "objects in the namespace after applying both releases");

    assertAll(
        () -> assertEquals("alpha-base-job-template", mountedConfigMap(alpha)),
        () -> assertEquals("beta-base-job-template", mountedConfigMap(beta)),
        () ->
            assertNotEquals(
                alpha.deployment().getSpec().getTemplate().getSpec().getServiceAccountName(),
                beta.deployment().getSpec().getTemplate().getSpec().getServiceAccountName(),
                "service accounts"));
  }

  @Test
  @DisplayName(
      "each Deployment's and each PodDisruptionBudget's selector selects only its own pods")
  void selectorsSelectOwnPods(Cluster cluster, TestNamespace ns) {
    Workloads.createApiKeySecret(cluster, ns.name());
    Release alpha = install(cluster, ns, "alpha", 2);
    Release beta = install(cluster, ns, "beta", 1);
    for (Release r : List.of(alpha, beta)) {
      Workloads.awaitAvailable(cluster, ns, r.deployment().getMetadata().getName(), r.replicas());
    }

    for (Release r : List.of(alpha, beta)) {
      String own = r.deployment().getMetadata().getName();
      Map<String, String> deploymentSelector =
          r.deployment().getSpec().getSelector().getMatchLabels();
      Map<String, String> pdbSelector = matchLabels(cluster, r.pdb());
      for (Map<String, String> selector : List.of(deploymentSelector, pdbSelector)) {
        List<Pod> selected = Workloads.podsMatching(cluster, ns.name(), selector);
        assertEquals(r.replicas(), selected.size(), r.name() + " selector " + selector);
        for (Pod pod : selected) {
          assertEquals(
              own,
              Workloads.owningDeployment(cluster, pod),
              r.name() + " selector " + selector + " selects " + pod.getMetadata().getName());
        }
      }
      // The disruption controller counts the pods the PDB selects: the server's own view.
      String pdbName = r.pdb().getMetadata().getName();
      Poll.until(
          Duration.ofSeconds(60),
          "PodDisruptionBudget " + pdbName + " to count " + r.replicas() + " pods",
          () -> pdbStatus(cluster, ns, r.pdb()),
          s -> s != null && Integer.valueOf(r.replicas()).equals(s.get("expectedPods")),
          s -> String.valueOf(s));
    }
  }

  private static String mountedConfigMap(Release r) {
    return r.deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
        .map(Volume::getConfigMap)
        .filter(c -> c != null)
        .map(c -> c.getName())
        .findFirst()
        .orElse("(no ConfigMap volume)");
  }

  /** How many of the releases' objects exist: fewer than rendered if one overwrote another. */
  private static int countLiveObjects(Cluster cluster, Release... releases) {
    int n = 0;
    for (Release r : releases) {
      for (var o : r.rendering().objects()) {
        if (cluster.client().resource(o.object()).get() != null) {
          n++;
        }
      }
    }
    return n;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> matchLabels(Cluster cluster, HasMetadata pdb) {
    var serialization = cluster.client().getKubernetesSerialization();
    GenericKubernetesResource generic =
        serialization.unmarshal(serialization.asJson(pdb), GenericKubernetesResource.class);
    return (Map<String, String>) generic.get("spec", "selector", "matchLabels");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> pdbStatus(Cluster cluster, TestNamespace ns, HasMetadata pdb) {
    GenericKubernetesResource live =
        cluster
            .client()
            .genericKubernetesResources(pdb.getApiVersion(), pdb.getKind())
            .inNamespace(ns.name())
            .withName(pdb.getMetadata().getName())
            .get();
    return live == null ? null : (Map<String, Object>) live.getAdditionalProperties().get("status");
  }
}
