package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Labels and annotations shared by every object")
class MetadataTest {

  private static final String EVERYTHING_ON =
      """
      worker:
        autoscaling:
          enabled: true
        podDisruptionBudget:
          maxUnavailable: 1
        config:
          baseJobTemplate:
            configuration: '{}'
      """;

  private static Map<String, String> standard() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "prefect-worker");
    labels.put("helm.sh/chart", "prefect-worker-2026.8.18172642");
    labels.put("app.kubernetes.io/instance", "test");
    labels.put("app.kubernetes.io/managed-by", "Helm");
    labels.put("app.kubernetes.io/version", "3.8.3");
    return labels;
  }

  @Nested
  @DisplayName("object labels")
  class ObjectLabels {
    @Test
    @DisplayName("standard labels, component and prefect-version, in Helm's order")
    void standardLabels() {
      Rendered r = Rendered.of(TestValues.render(TestValues.required(EVERYTHING_ON)));
      Map<String, String> expected = standard();
      expected.put("app.kubernetes.io/component", "worker");
      expected.put("prefect-version", "3.8.3");
      for (String kind :
          List.of(
              "PodDisruptionBudget",
              "ServiceAccount",
              "Role",
              "RoleBinding",
              "Deployment",
              "HorizontalPodAutoscaler")) {
        ObjectMeta m = r.kind(kind).orElseThrow().getMetadata();
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(m.getLabels().entrySet()), kind);
        assertEquals("prefect", m.getNamespace(), kind);
        assertNull(m.getAnnotations(), kind);
      }
    }

    @Test
    @DisplayName("the ConfigMap has no prefect-version label (as upstream)")
    void configMapLabels() {
      Rendered r = Rendered.of(TestValues.render(TestValues.required(EVERYTHING_ON)));
      Map<String, String> expected = standard();
      expected.put("app.kubernetes.io/component", "worker");
      assertEquals(expected, r.configMap().getMetadata().getLabels());
    }

    @Test
    @DisplayName("nameOverride changes the name label but not the instance")
    void nameOverride() {
      Rendered r = Rendered.of(TestValues.render(TestValues.required("nameOverride: foo\n")));
      Map<String, String> labels = r.deployment().getMetadata().getLabels();
      assertEquals("foo", labels.get("app.kubernetes.io/name"));
      assertEquals("test", labels.get("app.kubernetes.io/instance"));
      assertEquals(
          "foo",
          r.deployment().getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"));
    }

    @Test
    @DisplayName("commonLabels and commonAnnotations go on every object's metadata, sorted")
    void commonMetadata() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required(
                      EVERYTHING_ON
                          + "commonLabels: {z: last, a: first}\n"
                          + "commonAnnotations: {note: hi, count: 3}\n")));
      for (RenderedObject o : r.rendering().objects()) {
        ObjectMeta m = o.object().getMetadata();
        List<String> keys = List.copyOf(m.getLabels().keySet());
        assertEquals(List.of("a", "z"), keys.subList(keys.size() - 2, keys.size()), o.source());
        assertEquals(Map.of("count", "3", "note", "hi"), m.getAnnotations(), o.source());
      }
    }

    @Test
    @DisplayName("commonLabels and commonAnnotations are not put on the pod template")
    void notOnPodTemplate() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required("commonLabels: {team: a}\ncommonAnnotations: {note: b}\n")));
      ObjectMeta pod = r.deployment().getSpec().getTemplate().getMetadata();
      assertFalse(pod.getLabels().containsKey("team"));
      assertEquals(List.of("checksum/config"), List.copyOf(pod.getAnnotations().keySet()));
    }

    @Test
    @DisplayName("ServiceAccount annotations: common ones first, then its own, which win")
    void serviceAccountAnnotations() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required(
                      "commonAnnotations: {a: common, shared: common}\n"
                          + "serviceAccount:\n  annotations: {shared: sa, b: sa}\n")));
      Map<String, String> annotations = r.serviceAccount().getMetadata().getAnnotations();
      assertEquals(List.of("a", "shared", "b"), List.copyOf(annotations.keySet()));
      assertEquals("sa", annotations.get("shared"));
      assertEquals(
          Map.of("a", "common", "shared", "common"), r.role().getMetadata().getAnnotations());
    }
  }

  @Nested
  @DisplayName("pod template metadata")
  class PodTemplate {
    @Test
    @DisplayName("pod labels: standard, component, version, PDB selector, then podLabels")
    void podLabels() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required(EVERYTHING_ON + "  podLabels: {tier: backend}\n")));
      Map<String, String> expected = standard();
      expected.put("app.kubernetes.io/component", "worker");
      expected.put("prefect-version", "3.8.3");
      expected.put("prefect.io/worker-deployment-name", "prefect-worker");
      expected.put("tier", "backend");
      assertEquals(
          List.copyOf(expected.entrySet()),
          List.copyOf(r.deployment().getSpec().getTemplate().getMetadata().getLabels().entrySet()));
    }

    @Test
    @DisplayName("pod annotations: the checksum first, then podAnnotations sorted")
    void podAnnotations() {
      Rendered r =
          Rendered.of(
              TestValues.render(TestValues.required("worker:\n  podAnnotations: {b: 2, a: x}\n")));
      assertEquals(
          List.of("checksum/config", "a", "b"),
          List.copyOf(
              r.deployment().getSpec().getTemplate().getMetadata().getAnnotations().keySet()));
    }

    @Test
    @DisplayName("the Deployment selector is name, instance and component only")
    void selector() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required(EVERYTHING_ON + "  podLabels: {tier: backend}\n")));
      assertEquals(
          Map.of(
              "app.kubernetes.io/name", "prefect-worker",
              "app.kubernetes.io/instance", "test",
              "app.kubernetes.io/component", "worker"),
          r.deployment().getSpec().getSelector().getMatchLabels());
    }
  }

  @Nested
  @DisplayName("divergence: a user label that repeats a chart label replaces it")
  class DuplicateLabels {
    @Test
    @DisplayName("commonLabels override the chart's component label on every object, once")
    void commonLabelWins() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required(
                      "commonLabels: {app.kubernetes.io/component: prefect-agent}\n")));
      for (RenderedObject o : r.rendering().objects()) {
        HasMetadata m = o.object();
        assertEquals(
            "prefect-agent", m.getMetadata().getLabels().get("app.kubernetes.io/component"));
      }
      String yaml = r.rendering().toYaml();
      String deployment = yaml.substring(yaml.indexOf("kind: Deployment"));
      String metadata = deployment.substring(0, deployment.indexOf("spec:"));
      assertEquals(1, metadata.split("app.kubernetes.io/component").length - 1);
    }

    @Test
    @DisplayName("podLabels override chart pod labels but never the selector")
    void podLabelWins() {
      Rendered r =
          Rendered.of(
              TestValues.render(
                  TestValues.required("worker:\n  podLabels: {prefect-version: custom}\n")));
      assertEquals(
          "custom",
          r.deployment().getSpec().getTemplate().getMetadata().getLabels().get("prefect-version"));
      assertEquals("3.8.3", r.deployment().getMetadata().getLabels().get("prefect-version"));
    }
  }
}
