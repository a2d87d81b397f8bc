package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Names follow the Bitnami common helpers")
class NamesTest {
  private static final String CHART = "prefect-worker";

  @Nested
  @DisplayName("common.names.fullname")
  class Fullname {
    @Test
    @DisplayName("the override wins, cut to 63 characters with one trailing dash trimmed")
    void override() {
      assertEquals("prefect-worker", Names.fullname("prefect-worker", "", CHART, "demo"));
      String a61 = "a".repeat(61);
      assertEquals(a61 + "-", Names.fullname(a61 + "--bbb", "", CHART, "demo"));
      assertEquals("My_Worker", Names.fullname("My_Worker", "", CHART, "demo"));
    }

    @Test
    @DisplayName("without override: release + name, unless the release already contains the name")
    void fromRelease() {
      assertEquals("demo-prefect-worker", Names.fullname("", "", CHART, "demo"));
      assertEquals("demo-foo", Names.fullname("", "foo", CHART, "demo"));
      assertEquals("my-prefect-worker-rel", Names.fullname("", "", CHART, "my-prefect-worker-rel"));
    }

    @Test
    @DisplayName("the release is lower-cased and cleaned: my.rel becomes my-rel")
    void cleansRelease() {
      assertEquals("my-rel-prefect-worker", Names.fullname("", "", CHART, "my.rel"));
      assertEquals("a-b-prefect-worker", Names.fullname("", "", CHART, "a..b"));
    }

    @Test
    @DisplayName("a long release plus name is cut to 63 and one trailing dash is trimmed")
    void truncation() {
      String release = "r".repeat(53);
      assertEquals(
          (release + "-prefect-worker").substring(0, 63), Names.fullname("", "", CHART, release));
      String rel = "r".repeat(53);
      assertEquals(rel + "-nnnnnnnn", Names.fullname("", "nnnnnnnn-x", CHART, rel));
    }

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

  @Nested
  @DisplayName("common.names.name and common.names.namespace")
  class NameAndNamespace {
    @Test
    @DisplayName("name: the override or the chart name, cut to 63, one dash trimmed")
    void name() {
      assertEquals(CHART, Names.name("", CHART));
      assertEquals("foo", Names.name("foo", CHART));
      assertEquals("n".repeat(62), Names.name("n".repeat(62) + "--tail", CHART));
    }

    @Test
    @DisplayName("namespace: the override or the release namespace, cut and trimmed")
    void namespace() {
      assertEquals("prefect", Names.namespace("", "prefect"));
      assertEquals("other", Names.namespace("other", "prefect"));
      assertEquals("x".repeat(62), Names.namespace("x".repeat(62) + "-y", "prefect"));
    }

    @Test
    @DisplayName("only one trailing dash is trimmed (TrimSuffix, not a loop)")
    void oneDash() {
      assertEquals("a-", Names.trimOneDash("a--"));
      assertEquals("a", Names.trimOneDash("a"));
    }

    @Test
    @DisplayName("truncation counts bytes like sprig and never splits a character")
    void bytes() {
      assertEquals("x".repeat(63), Names.truncate("x".repeat(70)));
      assertEquals("é".repeat(31), Names.truncate("é".repeat(40)));
    }
  }

  @Nested
  @DisplayName("labels and helper names")
  class Helpers {
    @Test
    @DisplayName("common.labels.value: + becomes _, cut to 63, trailing non-alphanumerics removed")
    void labelValue() {
      assertEquals("prefect-worker-1.0.0_build", Names.labelValue("prefect-worker-1.0.0+build"));
      assertEquals("v1", Names.labelValue("v1-._"));
      assertEquals("a".repeat(62), Names.labelValue("a".repeat(62) + "-b"));
    }

    @Test
    @DisplayName("service account: the name, else fullname when created, else default")
    void serviceAccountName() {
      assertEquals("custom", Names.serviceAccountName(true, "custom", "full"));
      assertEquals("full", Names.serviceAccountName(true, "", "full"));
      assertEquals("custom", Names.serviceAccountName(false, "custom", "full"));
      assertEquals("default", Names.serviceAccountName(false, "", "full"));
    }

    @Test
    @DisplayName("base job template ConfigMap: generated name, custom name or the existing one")
    void baseJobTemplateName() {
      Rendered generated = Rendered.of(TestValues.render(TestValues.required(bjt("", ""))));
      assertEquals(
          "prefect-worker-base-job-template", generated.configMap().getMetadata().getName());
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
          Rendered.of(
              TestValues.render(TestValues.required(bjt("", "existingConfigMapName: x\n"))));
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
}
