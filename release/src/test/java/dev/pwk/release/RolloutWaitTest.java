package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("waiting for the rollout")
class RolloutWaitTest {
  private static final Map<String, String> POD_LABELS =
      Map.of(
          "app.kubernetes.io/name", "prefect-worker",
          "app.kubernetes.io/instance", "demo",
          "app.kubernetes.io/component", "worker");

  private Harness h;

  @BeforeEach
  void start() {
    h = new Harness();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static ReleaseOptions waiting(Duration timeout) {
    return ReleaseOptions.defaults().withWaitForRollout(true).withTimeout(timeout);
  }

  /** Writes the Deployment status the controller would: observed, updated and available. */
  private void controller(int updated, int available) {
    Deployment d = h.deployment();
    d.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(updated)
            .withUpdatedReplicas(updated)
            .withAvailableReplicas(available)
            .withReadyReplicas(available)
            .build());
    h.client.resource(d).updateStatus();
  }

  @Nested
  @DisplayName("succeeds")
  class Succeeds {
    @Test
    @DisplayName("once the Deployment is observed, updated and available, reporting each step")
    void progress() {
      AtomicInteger polls = new AtomicInteger();
      h.onSleep(
          d -> {
            switch (polls.incrementAndGet()) {
              case 1 -> controller(1, 0);
              case 2 -> controller(1, 1);
              default -> throw new AssertionError("polled after the rollout");
            }
          });

      ReleaseResult result =
          h.manager().install(Fixtures.worker().withOptions(waiting(Duration.ofMinutes(5))).plan());

      assertEquals(ReleaseStatus.DEPLOYED, result.revision().status());
      assertEquals(
          List.of(
              "Deployment prefect/prefect-worker: 0/1 replicas ready (waiting for the controller)",
              "Deployment prefect/prefect-worker: 0/1 replicas ready, 1/1 updated",
              "Deployment prefect/prefect-worker: 1/1 replicas ready"),
          h.out.progress);
      assertEquals("2026-11-25T12:00:04Z", h.record(1).updated());
    }

    @Test
    @DisplayName("counting the replicas an HPA asked for")
    void hpa() {
      AtomicInteger polls = new AtomicInteger();
      h.onSleep(
          d -> {
            int poll = polls.incrementAndGet();
            if (poll == 1) {
              Deployment scaled =
                  new DeploymentBuilder(h.deployment())
                      .editSpec()
                      .withReplicas(3)
                      .endSpec()
                      .build();
              h.client.resource(scaled).update();
              controller(3, 2);
            } else {
              controller(3, 3);
            }
          });

      h.manager()
          .install(
              Fixtures.worker()
                  .withAutoscaling(true)
                  .withOptions(waiting(Duration.ofMinutes(5)))
                  .plan());

      assertTrue(
          h.out.progress.contains(
              "Deployment prefect/prefect-worker: 2/3 replicas ready, 3/3 updated"),
          h.out.progress.toString());
      assertEquals(
          "Deployment prefect/prefect-worker: 3/3 replicas ready",
          h.out.progress.get(h.out.progress.size() - 1));
    }
  }

  @Nested
  @DisplayName("fails")
  class Fails {
    @Test
    @DisplayName(
        "after the timeout with what pods and events say; the previous revision stays deployed")
    void timeout() {
      h.manager().install(Fixtures.worker().plan());
      stuckPods();

      ReleaseException e =
          assertThrows(
              ReleaseException.class,
              () ->
                  h.manager()
                      .upgrade(
                          Fixtures.worker()
                              .withTag("nope")
                              .withOptions(waiting(Duration.ofSeconds(30)))
                              .plan(),
                          false));

      assertEquals(ReleaseException.Kind.ROLLOUT_FAILED, e.kind());
      assertEquals(
          "Deployment prefect/prefect-worker did not roll out: timed out after 30s, 0/1 replicas"
              + " ready (waiting for the controller): pod prefect-worker-5d9c-a container"
              + " prefect-worker: ImagePullBackOff (Back-off pulling image"
              + " \"prefecthq/prefect:nope\"); pod prefect-worker-5d9c-b cannot be scheduled:"
              + " 0/1 nodes are available: 1 Insufficient cpu.; event on Pod"
              + " prefect-worker-5d9c-a: Failed: Failed to pull image \"prefecthq/prefect:nope\":"
              + " not found; event on ReplicaSet prefect-worker-5d9c: FailedCreate: pods"
              + " \"prefect-worker-5d9c-c\" is forbidden: exceeded quota",
          e.getMessage());
      assertEquals(
          Duration.ofSeconds(30),
          Duration.between(java.time.Instant.parse("2026-11-25T12:00:00Z"), h.clock.instant()));
      assertEquals(ReleaseStatus.FAILED, h.record(2).releaseStatus());
      assertEquals(e.getMessage(), h.record(2).description());
      assertEquals(ReleaseStatus.DEPLOYED, h.record(1).releaseStatus());
      assertFalse(e.getMessage().contains("Pulled"), "Normal events are not reasons");
      assertFalse(e.getMessage().contains("other-app"), "other pods' events are not reasons");
    }

    @Test
    @DisplayName("at once when the controller reports that the progress deadline passed")
    void progressDeadline() {
      h.onSleep(
          d -> {
            Deployment live = h.deployment();
            live.setStatus(
                new DeploymentStatusBuilder()
                    .withObservedGeneration(live.getMetadata().getGeneration())
                    .addNewCondition()
                    .withType("Progressing")
                    .withStatus("False")
                    .withReason("ProgressDeadlineExceeded")
                    .endCondition()
                    .build());
            h.client.resource(live).updateStatus();
          });

      ReleaseException e =
          assertThrows(
              ReleaseException.class,
              () ->
                  h.manager()
                      .install(
                          Fixtures.worker().withOptions(waiting(Duration.ofMinutes(5))).plan()));

      assertEquals(
          "Deployment prefect/prefect-worker did not roll out: its progress deadline was exceeded,"
              + " 0/1 replicas ready: no pod or event explains it yet",
          e.getMessage());
      assertEquals("2026-11-25T12:00:02Z", h.clock.instant().toString());
    }
  }

  private void stuckPods() {
    h.client
        .resource(
            new PodBuilder()
                .withMetadata(meta("prefect-worker-5d9c-a", POD_LABELS))
                .withNewStatus()
                .addNewContainerStatus()
                .withName("prefect-worker")
                .withNewState()
                .withNewWaiting()
                .withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"prefecthq/prefect:nope\"")
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build())
        .create();
    h.client
        .resource(
            new PodBuilder()
                .withMetadata(meta("prefect-worker-5d9c-b", POD_LABELS))
                .withNewStatus()
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/1 nodes are available: 1 Insufficient cpu.")
                .endCondition()
                .endStatus()
                .build())
        .create();
    event(
        "e1",
        "Warning",
        "Pod",
        "prefect-worker-5d9c-a",
        "Failed",
        "Failed to pull image \"prefecthq/prefect:nope\": not found",
        "2026-11-25T11:59:58Z");
    event("e2", "Normal", "Pod", "prefect-worker-5d9c-a", "Pulled", "ok", "2026-11-25T11:59:59Z");
    event(
        "e3",
        "Warning",
        "ReplicaSet",
        "prefect-worker-5d9c",
        "FailedCreate",
        "pods \"prefect-worker-5d9c-c\" is forbidden: exceeded quota",
        "2026-11-25T11:59:50Z");
    event(
        "e4",
        "Warning",
        "Pod",
        "other-app-1",
        "Failed",
        "other-app is broken",
        "2026-11-25T11:59:59Z");
  }

  private void event(
      String name,
      String type,
      String kind,
      String object,
      String reason,
      String message,
      String at) {
    h.client
        .resource(
            new EventBuilder()
                .withMetadata(meta(name, Map.of()))
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withLastTimestamp(at)
                .withNewInvolvedObject()
                .withKind(kind)
                .withName(object)
                .withNamespace("prefect")
                .endInvolvedObject()
                .build())
        .create();
  }

  private static io.fabric8.kubernetes.api.model.ObjectMeta meta(
      String name, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace("prefect")
        .withLabels(labels)
        .build();
  }
}
