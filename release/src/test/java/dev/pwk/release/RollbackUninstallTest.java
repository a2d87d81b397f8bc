package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("rollback, uninstall, history and status")
class RollbackUninstallTest {
  private static final String OLD_IMAGE = "prefecthq/prefect:3.8.3-python3.11-kubernetes";
  private static final String NEW_IMAGE = "prefecthq/prefect:3.9.0-python3.11-kubernetes";
  private Harness h;

  @BeforeEach
  void start() {
    h = new Harness();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** Revision 1 autoscales the old image; revision 2 runs the new image without an HPA. */
  private void twoRevisions() {
    h.manager().install(Fixtures.worker().withAutoscaling(true).plan());
    h.manager().upgrade(Fixtures.worker().withTag("3.9.0-python3.11-kubernetes").plan(), false);
  }

  private String image() {
    return h.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  @Nested
  @DisplayName("rollback")
  class Rollback {
    @Test
    @DisplayName("re-applies the previous revision's objects as a new revision")
    void previous() {
      twoRevisions();

      ReleaseResult result =
          h.manager().rollback("demo", "prefect", OptionalInt.empty(), ReleaseOptions.defaults());

      assertEquals(3, result.revision().revision());
      assertEquals("Rollback to 1", result.revision().description());
      assertEquals(OLD_IMAGE, image());
      assertTrue(h.hasHpa());
      assertEquals(ReleaseStatus.SUPERSEDED, h.record(2).releaseStatus());
      assertEquals(ReleaseStatus.DEPLOYED, h.record(3).releaseStatus());
      assertEquals(h.record(1).objects(), h.record(3).objects());
      assertEquals(h.record(1).chart(), h.record(3).chart());
    }

    @Test
    @DisplayName("goes to an explicit revision, and skips failed ones by default")
    void explicit() {
      twoRevisions();
      h.manager().rollback("demo", "prefect", OptionalInt.of(1), ReleaseOptions.defaults());
      assertEquals(OLD_IMAGE, image());

      h.manager().rollback("demo", "prefect", OptionalInt.of(2), ReleaseOptions.defaults());
      assertEquals(NEW_IMAGE, image());
      assertFalse(h.hasHpa());
      assertEquals(4, h.record(4).revision());
    }

    @Test
    @DisplayName("restores a release uninstalled with its history kept")
    void afterUninstall() {
      twoRevisions();
      h.manager().uninstall("demo", "prefect", true);

      ReleaseResult result =
          h.manager().rollback("demo", "prefect", OptionalInt.empty(), ReleaseOptions.defaults());

      assertEquals(3, result.revision().revision());
      assertEquals("Rollback to 2", result.revision().description());
      assertEquals(NEW_IMAGE, image());
      assertEquals(List.of(), result.deleted());
    }

    @Test
    @DisplayName("to a revision that does not exist fails and points at history")
    void missingRevision() {
      twoRevisions();

      ReleaseException e =
          assertThrows(
              ReleaseException.class,
              () ->
                  h.manager()
                      .rollback("demo", "prefect", OptionalInt.of(7), ReleaseOptions.defaults()));
      assertEquals("release demo has no revision 7; see `pwk history demo`", e.getMessage());
    }

    @Test
    @DisplayName("with only one revision has nothing to return to")
    void nothingEarlier() {
      h.manager().install(Fixtures.worker().plan());

      ReleaseException e =
          assertThrows(
              ReleaseException.class,
              () ->
                  h.manager()
                      .rollback("demo", "prefect", OptionalInt.empty(), ReleaseOptions.defaults()));
      assertEquals(
          "release demo has no earlier successful revision to roll back to", e.getMessage());
    }
  }

  @Nested
  @DisplayName("uninstall")
  class Uninstall {
    @Test
    @DisplayName("deletes exactly the objects of the release, then its records, and nothing else")
    void exactly() {
      h.client
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("unrelated")
                  .withNamespace("prefect")
                  .endMetadata()
                  .build())
          .create();
      twoRevisions();

      UninstallResult result = h.manager().uninstall("demo", "prefect", false);

      assertEquals(4, result.deleted().size());
      assertNull(h.deployment());
      assertFalse(h.hasHpa());
      assertNull(h.recordSecret(1));
      assertNull(h.recordSecret(2));
      assertNotNull(h.client.configMaps().inNamespace("prefect").withName("unrelated").get());
      assertNotNull(h.client.secrets().inNamespace("prefect").withName("prefect-api-key").get());
      assertNotNull(h.client.namespaces().withName("prefect").get());
      assertThrows(ReleaseException.class, () -> h.manager().history("demo", "prefect"));
    }

    @Test
    @DisplayName("leaves an object that another owner has taken since")
    void foreign() {
      h.manager().install(Fixtures.worker().plan());
      var sa = h.client.serviceAccounts().inNamespace("prefect").withName("prefect-worker").get();
      sa.getMetadata().getAnnotations().put("pwk.dev/release", "prefect/other");
      h.client.resource(sa).update();

      UninstallResult result = h.manager().uninstall("demo", "prefect", false);

      assertEquals(
          List.of(new ObjectRef("v1", "ServiceAccount", "prefect", "prefect-worker")),
          result.kept());
      assertNotNull(
          h.client.serviceAccounts().inNamespace("prefect").withName("prefect-worker").get());
    }

    @Test
    @DisplayName(
        "with keep-history marks the release uninstalled, and a new install continues the"
            + " numbering")
    void keepHistory() {
      twoRevisions();

      UninstallResult result = h.manager().uninstall("demo", "prefect", true);

      assertTrue(result.historyKept());
      assertNull(h.deployment());
      assertEquals(ReleaseStatus.UNINSTALLED, h.record(2).releaseStatus());
      assertEquals(ReleaseStatus.SUPERSEDED, h.record(1).releaseStatus());

      ReleaseResult again = h.manager().install(Fixtures.worker().plan());
      assertEquals(3, again.revision().revision());
      assertEquals(List.of(), again.deleted());

      ReleaseException e =
          assertThrows(
              ReleaseException.class, () -> h.manager().uninstall("other", "prefect", false));
      assertEquals("release other not found in namespace prefect", e.getMessage());
    }
  }

  @Nested
  @DisplayName("history and status")
  class HistoryStatus {
    @Test
    @DisplayName("history lists every revision, oldest first")
    void history() {
      twoRevisions();
      h.clock.advance(java.time.Duration.ofMinutes(1));
      h.manager().rollback("demo", "prefect", OptionalInt.empty(), ReleaseOptions.defaults());

      List<Revision> history = h.manager().history("demo", "prefect");

      assertEquals(List.of(1, 2, 3), history.stream().map(Revision::revision).toList());
      assertEquals(
          List.of(ReleaseStatus.SUPERSEDED, ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED),
          history.stream().map(Revision::status).toList());
      assertEquals(
          List.of("Install complete", "Upgrade complete", "Rollback to 1"),
          history.stream().map(Revision::description).toList());
      assertEquals("2026-11-25T12:01:00Z", history.get(2).updated().toString());
      assertEquals(Fixtures.CHART, history.get(2).chart());
    }

    @Test
    @DisplayName("status shows the newest revision and each object's readiness")
    void status() {
      h.manager().install(Fixtures.worker().plan());

      ReleaseReport report = h.manager().status("demo", "prefect");
      assertEquals(1, report.revision().revision());
      assertFalse(report.ready());
      ObjectState deployment = report.objects().get(3);
      assertEquals("Deployment", deployment.ref().kind());
      assertEquals("0/1 replicas ready (waiting for the controller)", deployment.detail());
      assertEquals("exists", report.objects().get(0).detail());

      var live = h.deployment();
      live.setStatus(
          new DeploymentStatusBuilder()
              .withObservedGeneration(live.getMetadata().getGeneration())
              .withReplicas(1)
              .withUpdatedReplicas(1)
              .withAvailableReplicas(1)
              .build());
      h.client.resource(live).updateStatus();
      h.client.serviceAccounts().inNamespace("prefect").withName("prefect-worker").delete();

      report = h.manager().status("demo", "prefect");
      assertEquals("1/1 replicas ready", report.objects().get(3).detail());
      assertTrue(report.objects().get(3).ready());
      assertEquals(
          new ObjectState(report.objects().get(0).ref(), false, false, ""),
          report.objects().get(0));
    }

    @Test
    @DisplayName("of an unknown release: history and status fail, as Helm's do")
    void unknown() {
      ReleaseException history =
          assertThrows(ReleaseException.class, () -> h.manager().history("demo", "prefect"));
      assertEquals("release demo not found in namespace prefect", history.getMessage());
      assertEquals(ReleaseException.Kind.NOT_FOUND, history.kind());
      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager().status("demo", "prefect"));
      assertEquals("release demo not found in namespace prefect", e.getMessage());
    }

    @Test
    @DisplayName("rejects an invalid release name as INVALID_NAME")
    void invalidName() {
      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager().status("Demo_1", "prefect"));
      assertEquals(ReleaseException.Kind.INVALID_NAME, e.kind());
      assertTrue(e.getMessage().startsWith("invalid release name \"Demo_1\""), e.getMessage());
    }
  }
}
