package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The names ChartNames computes (tested in values-schema), applied to the rendered objects. */
@DisplayName("Names follow the Bitnami common helpers")
class NamesTest {
  @Nested
  @DisplayName("common.names.fullname")
  class Fullname {
    @Test
    @DisplayName("in a render, fullname names the Deployment, Role, RoleBinding and ServiceAccount")
    void appliedToObjects() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required("fullnameOverride: \"\"\n"),
                  TestValues.options().releaseName("my.rel").build()));
      for (String kind : new String[] {"Deployment", "Role", "RoleBinding", "ServiceAccount"}) {
        HasMetadata o = r.kind(kind).orElseThrow();
        assertEquals("my-rel-prefect-worker", o.getMetadata().getName(), kind);
      }
      assertEquals(
          "my.rel", r.deployment().getMetadata().getLabels().get("app.kubernetes.io/instance"));
    }
  }

  @Test
  @DisplayName("a 64-byte override of 33 characters is cut by bytes, as Helm cuts it")
  void multiByteOverride() {
    Rendered r =
        Rendered.of(
            TestValues.render(
                TestValues.required("fullnameOverride: \"" + "é".repeat(31) + "-a\"\n")));
    assertEquals("é".repeat(31), r.deployment().getMetadata().getName());
  }
}

@Nested
@DisplayName("helper names")
class Helpers {
  @Test
  @DisplayName("base job template ConfigMap: generated name, custom name or the existing one")
  void baseJobTemplateName() {
    Rendered generated = Rendered.of(TestValues.render(TestValues.required(bjt("", ""))));
    assertEquals("prefect-worker-base-job-template", generated.configMap().getMetadata().getName());
    Rendered custom =
        Rendered.of(TestValues.render(TestValues.required(bjt("name: my-bjt\n", ""))));
    assertEquals("my-bjt", custom.configMap().getMetadata().getName());
    Rendered existing =
        Rendered.of(
            TestValues.render(
                TestValues.required(
                    "worker:\n  config:\n    baseJobTemplate:\n"
                        + "      existingConfigMapName: theirs\n")));
    assertEquals(0, existing.documents("configmap.yaml"));
    assertEquals("theirs", existing.pod().getVolumes().get(1).getConfigMap().getName());
    Rendered both =
        Rendered.of(TestValues.render(TestValues.required(bjt("", "existingConfigMapName: x\n"))));
    assertEquals(
        "prefect-worker-base-job-template",
        both.pod().getVolumes().get(1).getConfigMap().getName());
  }

  private static String bjt(String name, String existing) {
    return "worker:\n  config:\n    baseJobTemplate:\n      configuration: '{}'\n"
        + (name.isEmpty() ? "" : "      " + name)
        + (existing.isEmpty() ? "" : "      " + existing);
  }
}
