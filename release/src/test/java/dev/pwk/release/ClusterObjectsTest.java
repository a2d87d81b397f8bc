package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ClusterObjects")
class ClusterObjectsTest {
  @ParameterizedTest(name = "{0} {1} in \"{2}\"")
  @CsvSource(
      value = {
        "v1, ServiceAccount, ns",
        "v1, ConfigMap, ns",
        "v1, Secret, ns",
        "rbac.authorization.k8s.io/v1, Role, ns",
        "rbac.authorization.k8s.io/v1, RoleBinding, ns",
        "apps/v1, Deployment, ns",
        "autoscaling/v2, HorizontalPodAutoscaler, ns",
        "policy/v1, PodDisruptionBudget, ns",
        "autoscaling/v1, HorizontalPodAutoscaler, ns",
        "v1, Namespace, ''",
        "rbac.authorization.k8s.io/v1, ClusterRole, ''"
      })
  @DisplayName("addresses each object with the model class fabric8 maps its kind to")
  void stubsMatchFabric8sMapping(String apiVersion, String kind, String namespace) {
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:1").build())
            .build()) {
      KubernetesSerialization serialization = client.getKubernetesSerialization();
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("name", "w");
      if (!namespace.isEmpty()) {
        meta.put("namespace", namespace);
      }
      Map<String, Object> object = Map.of("apiVersion", apiVersion, "kind", kind, "metadata", meta);
      HasMetadata expected = serialization.unmarshal(serialization.asJson(object));

      HasMetadata stub =
          new ClusterObjects(client).stub(new ObjectRef(apiVersion, kind, namespace, "w"));

      assertEquals(expected.getClass(), stub.getClass());
      assertEquals(serialization.asJson(expected), serialization.asJson(stub));
    }
  }
}
