package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("release value types")
class UnitsTest {
  @Nested
  @DisplayName("Rollout")
  class RolloutState {
    private Deployment deployment(
        Integer replicas, long generation, Long observed, int updated, int available) {
      return new DeploymentBuilder()
          .withNewMetadata()
          .withName("d")
          .withGeneration(generation)
          .endMetadata()
          .withNewSpec()
          .withReplicas(replicas)
          .endSpec()
          .withNewStatus()
          .withObservedGeneration(observed)
          .withUpdatedReplicas(updated)
          .withAvailableReplicas(available)
          .endStatus()
          .build();
    }

    @Test
    @DisplayName(
        "is done only when the controller saw the current generation and all replicas are updated"
            + " and available")
    void done() {
      assertTrue(Rollout.of(deployment(3, 2, 2L, 3, 3)).done());
      assertFalse(Rollout.of(deployment(3, 2, 1L, 3, 3)).done(), "old generation");
      assertFalse(Rollout.of(deployment(3, 2, 2L, 2, 3)).done(), "old pods still serving");
      assertFalse(Rollout.of(deployment(3, 2, 2L, 3, 2)).done(), "not yet available");
      assertTrue(Rollout.of(deployment(null, 1, 1L, 1, 1)).done(), "replicas defaults to 1");
      assertEquals(
          "3/3 replicas ready, 1/3 updated", Rollout.of(deployment(3, 2, 2L, 1, 3)).summary());
    }

    @Test
    @DisplayName(
        "is not done while a pod of the old template is left, even when the counts of updated and"
            + " available pods match (the old pod is the one available)")
    void oldPodLeft() {
      Deployment d = deployment(1, 2, 2L, 1, 1);
      d.getStatus().setReplicas(2);
      assertFalse(Rollout.of(d).done());
      assertEquals("1/1 replicas ready, 1 old replica terminating", Rollout.of(d).summary());
      d.getStatus().setReplicas(1);
      assertTrue(Rollout.of(d).done());
    }

    @Test
    @DisplayName("reads the same from a Deployment fetched as a generic resource")
    void fromGenericResource() {
      KubernetesSerialization serialization = new KubernetesSerialization();
      List<Deployment> cases =
          new ArrayList<>(
              List.of(
                  deployment(3, 2, 2L, 3, 3),
                  deployment(3, 2, 1L, 3, 3),
                  deployment(3, 2, 2L, 1, 3),
                  deployment(null, 1, 1L, 1, 1),
                  new DeploymentBuilder().withNewMetadata().withName("new").endMetadata().build()));
      Deployment stalled = deployment(2, 1, 1L, 1, 0);
      stalled
          .getStatus()
          .setConditions(
              List.of(
                  new DeploymentConditionBuilder()
                      .withType("Progressing")
                      .withStatus("False")
                      .withReason("ProgressDeadlineExceeded")
                      .build()));
      cases.add(stalled);
      Deployment oldPod = deployment(1, 2, 2L, 1, 1);
      oldPod.getStatus().setReplicas(2);
      cases.add(oldPod);
      for (Deployment d : cases) {
        GenericKubernetesResource generic =
            serialization.unmarshal(serialization.asJson(d), GenericKubernetesResource.class);
        assertEquals(Rollout.of(d), Rollout.of(generic, serialization), d.toString());
      }
      assertTrue(Rollout.of(stalled).stalled());
    }

    @Test
    @DisplayName("prints timeouts the way --timeout is written")
    void human() {
      assertEquals("5m0s", RolloutWaiter.human(Duration.ofMinutes(5)));
      assertEquals("1m30s", RolloutWaiter.human(Duration.ofSeconds(90)));
      assertEquals("45s", RolloutWaiter.human(Duration.ofSeconds(45)));
      assertEquals("1h0m0s", RolloutWaiter.human(Duration.ofHours(1)));
    }
  }

  @Nested
  @DisplayName("ReleaseNames")
  class Names {
    @Test
    @DisplayName("rejects release names Helm rejects, as INVALID_NAME")
    void names() {
      for (String bad : List.of("Demo", "demo_1", "-demo", "a".repeat(54), "")) {
        ReleaseException e =
            assertThrows(ReleaseException.class, () -> ReleaseNames.check(bad, "prefect"), bad);
        assertEquals(ReleaseException.Kind.INVALID_NAME, e.kind());
      }
      ReleaseNames.check("my.rel-1", "prefect");
      ReleaseNames.check("a".repeat(53), "prefect");
    }

    @Test
    @DisplayName("rejects namespaces Kubernetes rejects (a DNS-1123 label), as INVALID_NAME")
    void namespaces() {
      for (String bad : List.of("Prefect", "bad_ns", "my.ns", "-ns", "n".repeat(64), "")) {
        ReleaseException e =
            assertThrows(ReleaseException.class, () -> ReleaseNames.check("demo", bad), bad);
        assertEquals(ReleaseException.Kind.INVALID_NAME, e.kind());
        assertTrue(e.getMessage().startsWith("invalid namespace \"" + bad + "\""), e.getMessage());
      }
      ReleaseNames.check("demo", "n".repeat(63));
    }
  }

  @Nested
  @DisplayName("ReleasePlan")
  class Plan {
    @Test
    @DisplayName("checks its release name and namespace")
    void names() {
      Fixtures f = Fixtures.worker();
      assertThrows(
          ReleaseException.class,
          () ->
              new ReleasePlan(
                  "Demo", "prefect", f.objects(), f.values(), Fixtures.CHART, f.options()));
    }

    @Test
    @DisplayName("needs objects, each with an identity, each once")
    void objects() {
      Fixtures f = Fixtures.worker();
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new ReleasePlan(
                  "demo", "prefect", List.of(), f.values(), Fixtures.CHART, f.options()));
      var twice = new ArrayList<>(f.objects());
      twice.add(f.objects().get(0));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new ReleasePlan(
                      "demo", "prefect", twice, f.values(), Fixtures.CHART, f.options()));
      assertEquals("object listed twice: ServiceAccount prefect/prefect-worker", e.getMessage());
    }
  }

  @Nested
  @DisplayName("ReleaseOptions")
  class Options {
    @Test
    @DisplayName("default to Helm's: 5 minutes, 10 records, no wait, no dry run")
    void defaults() {
      ReleaseOptions o = ReleaseOptions.defaults();
      assertEquals(Duration.ofMinutes(5), o.timeout());
      assertEquals(10, o.historyMax());
      assertFalse(o.waitForRollout());
      assertEquals(ReleaseOptions.DryRun.NONE, o.dryRun());
      assertThrows(IllegalArgumentException.class, () -> o.withTimeout(Duration.ZERO));
      assertThrows(IllegalArgumentException.class, () -> o.withHistoryMax(-1));
    }
  }

  @Nested
  @DisplayName("RecordStore")
  class Records {
    @Test
    @DisplayName("reads back what it writes")
    void roundTrip() {
      Fixtures f = Fixtures.worker();
      ReleaseRecord r =
          new ReleaseRecord(
              "demo",
              "prefect",
              3,
              "pending-upgrade",
              "2026-11-25T12:00:00Z",
              "2026-11-25T12:00:00Z",
              "upgrade in progress",
              Fixtures.CHART,
              "0.1.0",
              Redaction.values(f.values()),
              List.of(new ObjectRef("apps/v1", "Deployment", "prefect", "prefect-worker")),
              "---\nkind: Deployment\n",
              new ReleaseRecord.Lock("h/1/1", "2026-11-25T12:05:00Z"));

      var secret = RecordStore.encode(r, "42");

      assertEquals("pwk.release.v1.demo.v3", secret.getMetadata().getName());
      assertEquals("42", secret.getMetadata().getResourceVersion());
      assertEquals(r, RecordStore.decode(secret));
      assertEquals(ReleaseStatus.PENDING_UPGRADE, RecordStore.decode(secret).releaseStatus());
    }

    @Test
    @DisplayName("skips a record it cannot read, with a warning")
    void unreadable() {
      try (Harness h = new Harness()) {
        h.manager().install(Fixtures.worker().plan());
        h.client
            .resource(
                new SecretBuilder()
                    .withNewMetadata()
                    .withName("pwk.release.v1.demo.v9")
                    .withNamespace("prefect")
                    .addToLabels("app.kubernetes.io/managed-by", "pwk")
                    .addToLabels("pwk.dev/release", "demo")
                    .endMetadata()
                    .withType("pwk.dev/release.v1")
                    .addToData("release", "bm90IGd6aXA=")
                    .build())
            .create();

        assertEquals(
            List.of(1),
            h.manager().history("demo", "prefect").stream().map(Revision::revision).toList());
        assertEquals(
            List.of(
                "ignoring release record prefect/pwk.release.v1.demo.v9: it cannot be read"
                    + " (UncheckedIOException)"),
            h.out.warnings);
      }
    }
  }
}
