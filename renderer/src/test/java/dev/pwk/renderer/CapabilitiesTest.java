package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Cluster capabilities choose the PDB and HPA API versions")
class CapabilitiesTest {

  private static final String HPA_AND_PDB =
      """
      worker:
        autoscaling:
          enabled: true
          minReplicas: 2
          maxReplicas: 4
        podDisruptionBudget:
          maxUnavailable: 1
          unhealthyPodEvictionPolicy: AlwaysAllow
      """;

  private static Rendered render(KubeCapabilities caps) {
    return Rendered.of(
        TestValues.render(
            TestValues.required(HPA_AND_PDB), TestValues.options().capabilities(caps).build()));
  }

  @Nested
  @DisplayName("Kubernetes versions")
  class Versions {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"1.29,1,29", "v1.20.15,1,20", "v1.34.1-gke.100,1,34", "2.0,2,0"})
    void parses(String text, int major, int minor) {
      KubeCapabilities caps = KubeCapabilities.of(text);
      assertEquals(major, caps.major());
      assertEquals(minor, caps.minor());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "1", "latest", "1.x", "v1.29.3.4"})
    void rejects(String text) {
      assertThrows(IllegalArgumentException.class, () -> KubeCapabilities.of(text));
    }

    @Test
    @DisplayName("the default is Kubernetes 1.34 with no extra API versions")
    void defaults() {
      assertEquals("v1.34.0", KubeCapabilities.DEFAULT.kubeVersion());
      assertEquals(Set.of(), KubeCapabilities.DEFAULT.apiVersions());
      assertEquals(KubeCapabilities.DEFAULT, RenderOptions.defaults().capabilities());
    }
  }

  @ParameterizedTest(name = "Kubernetes {0}: {1} and {2}")
  @CsvSource({
    "1.20,policy/v1beta1,autoscaling/v2beta2",
    "1.21,policy/v1,autoscaling/v2beta2",
    "1.22,policy/v1,autoscaling/v2beta2",
    "1.23,policy/v1,autoscaling/v2",
    "1.34,policy/v1,autoscaling/v2"
  })
  void switchesByVersion(String version, String pdb, String hpa) {
    Rendered r = render(KubeCapabilities.of(version));
    assertEquals(pdb, r.kind("PodDisruptionBudget").orElseThrow().getApiVersion());
    assertEquals(hpa, r.kind("HorizontalPodAutoscaler").orElseThrow().getApiVersion());
  }

  @Test
  @DisplayName("explicitly listed policy/v1 and autoscaling/v2 win on an old cluster")
  void explicitApiVersions() {
    Rendered r =
        render(
            KubeCapabilities.of("1.19")
                .withApiVersions(List.of("policy/v1", "autoscaling/v2/HorizontalPodAutoscaler")));
    assertEquals("policy/v1", r.kind("PodDisruptionBudget").orElseThrow().getApiVersion());
    assertEquals("autoscaling/v2", r.kind("HorizontalPodAutoscaler").orElseThrow().getApiVersion());
  }

  @Test
  @DisplayName("the older versions keep the same spec, printed with their apiVersion")
  void oldVersionsKeepTheSpec() {
    Rendered r = render(KubeCapabilities.of("1.20"));
    HasMetadata pdb = r.kind("PodDisruptionBudget").orElseThrow();
    assertTrue(pdb instanceof io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudget);
    String yaml = r.rendering().toYaml();
    assertTrue(yaml.contains("apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n"), yaml);
    assertTrue(yaml.contains("unhealthyPodEvictionPolicy: AlwaysAllow"), yaml);
    assertTrue(yaml.contains("prefect.io/worker-deployment-name: prefect-worker"), yaml);
    assertTrue(yaml.contains("apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler"));
    assertTrue(yaml.contains("averageUtilization: 80"), yaml);
    assertTrue(yaml.contains("minReplicas: 2"), yaml);
  }
}
