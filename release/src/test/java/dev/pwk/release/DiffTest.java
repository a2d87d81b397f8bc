package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("diff")
class DiffTest {
  private Harness h;

  @BeforeEach
  void start() {
    h = new Harness();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static Map<String, ObjectDiff> byKind(List<ObjectDiff> diffs) {
    return diffs.stream().collect(Collectors.toMap(d -> d.ref().kind(), Function.identity()));
  }

  @Test
  @DisplayName("of the deployed plan finds nothing to change")
  void unchanged() {
    h.manager().install(Fixtures.worker().plan());

    List<ObjectDiff> diffs = h.manager().diff(Fixtures.worker().plan());

    assertEquals(4, diffs.size());
    for (ObjectDiff d : diffs) {
      assertEquals(ObjectDiff.Change.UNCHANGED, d.change(), d.diff());
      assertEquals("", d.diff());
      assertFalse(d.changed());
    }
  }

  @Test
  @DisplayName(
      "shows a new image as a unified diff of the Deployment, without server-managed fields")
  void changed() {
    h.manager().install(Fixtures.worker().plan());

    ObjectDiff deployment =
        byKind(h.manager().diff(Fixtures.worker().withTag("3.9.0-python3.11-kubernetes").plan()))
            .get("Deployment");

    assertEquals(ObjectDiff.Change.CHANGED, deployment.change());
    String text = deployment.diff();
    assertTrue(
        text.startsWith(
            "--- live Deployment prefect/prefect-worker\n"
                + "+++ planned Deployment prefect/prefect-worker\n@@ -"),
        text);
    assertTrue(
        text.contains("\n-        image: \"prefecthq/prefect:3.8.3-python3.11-kubernetes\"\n"),
        text);
    assertTrue(
        text.contains("\n+        image: \"prefecthq/prefect:3.9.0-python3.11-kubernetes\"\n"),
        text);
    for (String field :
        List.of(
            "resourceVersion",
            "uid:",
            "managedFields",
            "creationTimestamp",
            "generation",
            "status:")) {
      assertFalse(text.contains(field), field + " in\n" + text);
    }
    assertEquals(
        1, text.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).count(), text);
  }

  @Test
  @DisplayName("lists the HPA as removed when autoscaling is turned off, and as added when on")
  void addedRemoved() {
    h.manager().install(Fixtures.worker().withAutoscaling(true).plan());

    Map<String, ObjectDiff> off = byKind(h.manager().diff(Fixtures.worker().plan()));
    ObjectDiff hpa = off.get("HorizontalPodAutoscaler");
    assertEquals(ObjectDiff.Change.REMOVED, hpa.change());
    assertTrue(hpa.diff().contains("\n-kind: \"HorizontalPodAutoscaler\"\n"), hpa.diff());
    assertEquals(ObjectDiff.Change.CHANGED, off.get("Deployment").change(), "replicas comes back");

    h.manager().upgrade(Fixtures.worker().plan(), false);
    ObjectDiff added =
        byKind(h.manager().diff(Fixtures.worker().withAutoscaling(true).plan()))
            .get("HorizontalPodAutoscaler");
    assertEquals(ObjectDiff.Change.ADDED, added.change());
    assertTrue(added.diff().contains("\n+kind: \"HorizontalPodAutoscaler\"\n"), added.diff());
  }

  @Test
  @DisplayName("of a release that is not installed shows every object as added")
  void notInstalled() {
    List<ObjectDiff> diffs = h.manager().diff(Fixtures.worker().plan());

    assertEquals(4, diffs.size());
    assertTrue(diffs.stream().allMatch(d -> d.change() == ObjectDiff.Change.ADDED));
  }

  @Test
  @DisplayName("masks secret values, saying only whether they change")
  void masksSecrets() {
    h.manager().install(Fixtures.worker().withBasicAuth(true).plan());

    String text =
        byKind(
                h.manager()
                    .diff(Fixtures.worker().withBasicAuth(true).withExtraToken("tok-new").plan()))
            .get("Deployment")
            .diff();

    assertTrue(text.contains("\n-          value: \"<redacted>\"\n"), text);
    assertTrue(text.contains("\n+          value: \"<redacted, changed>\"\n"), text);
    assertFalse(text.contains(Fixtures.EXTRA_TOKEN), text);
    assertFalse(text.contains("tok-new"), text);
    assertFalse(text.contains(Fixtures.AUTH_STRING), text);
    assertTrue(text.contains("PREFECT_API_AUTH_STRING"), "the name stays visible");
  }

  @Test
  @DisplayName(
      "of an object kubectl applied leaves out its last-applied-configuration, which holds the env"
          + " values")
  void lastApplied() {
    h.manager().install(Fixtures.worker().withBasicAuth(true).plan());
    String copy = h.client.getKubernetesSerialization().asJson(h.deployment());
    h.client
        .apps()
        .deployments()
        .inNamespace(Fixtures.NAMESPACE)
        .withName(Fixtures.FULLNAME)
        .edit(
            d -> {
              // As `pwk template | kubectl apply -f -` leaves it: kubectl's copy, no owner yet.
              d.getMetadata().getAnnotations().remove(ClusterObjects.OWNER_ANNOTATION);
              d.getMetadata().getAnnotations().put(Redaction.LAST_APPLIED, copy);
              return d;
            });

    String text =
        byKind(h.manager().diff(Fixtures.worker().withBasicAuth(true).plan()))
            .get("Deployment")
            .diff();

    assertTrue(text.contains("\n+    pwk.dev/release: \"prefect/demo\"\n"), text);
    assertFalse(text.contains("last-applied"), text);
    assertFalse(text.contains(Fixtures.AUTH_STRING), text);
    assertFalse(text.contains(Fixtures.EXTRA_TOKEN), text);
  }

  @Test
  @DisplayName("changes nothing in the cluster")
  void readOnly() {
    h.manager().install(Fixtures.worker().plan());

    h.manager().diff(Fixtures.worker().withTag("other").withAutoscaling(true).plan());

    assertEquals(
        "prefecthq/prefect:3.8.3-python3.11-kubernetes",
        h.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    assertFalse(h.hasHpa());
    assertNull(h.recordSecret(2));
  }
}
