package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("locking and recovery")
class LockingTest {
  private static final String A = "host-a/100/1";
  private static final String B = "host-b/200/2";
  private static final String APPLYING_DEPLOYMENT = "applying Deployment prefect/prefect-worker";

  private Harness h;

  @BeforeEach
  void start() {
    h = new Harness();
    h.manager().install(Fixtures.worker().plan());
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** Stands for pwk being killed (Ctrl-C): nothing after it runs, no catch block sees it. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  private ReleasePlan plan(String tag) {
    return Fixtures.worker().withTag(tag).plan();
  }

  private String image() {
    return h.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private List<ReleaseStatus> statuses() {
    return h.manager().history("demo", "prefect").stream().map(Revision::status).toList();
  }

  @Nested
  @DisplayName("two concurrent upgrades")
  class Concurrent {
    @Test
    @DisplayName(
        "that read the same revision: the first to write the next one wins, the other is told to"
            + " retry")
    void sameRevision() {
      AtomicReference<ReleaseResult> other = new AtomicReference<>();
      Recorder first =
          new Recorder()
              .onInfo(
                  line -> {
                    if (line.equals("upgrade of release demo in namespace prefect: revision 2")) {
                      other.set(h.manager(B, new Recorder()).upgrade(plan("b"), false));
                    }
                  });

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager(A, first).upgrade(plan("a"), false));

      assertEquals(
          "another pwk operation changed release demo in namespace prefect at the same time"
              + " (revision 2 was written first); nothing was applied, retry",
          e.getMessage());
      assertEquals(ReleaseException.Kind.CONFLICT, e.kind());
      assertEquals(2, other.get().revision().revision());
      assertEquals("prefecthq/prefect:b", image());
      assertFalse(first.infos.contains(APPLYING_DEPLOYMENT));
      assertEquals(List.of(ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED), statuses());
    }

    @Test
    @DisplayName("one of which holds the release: the other is refused while the lock is live")
    void locked() {
      AtomicReference<ReleaseException> refused = new AtomicReference<>();
      Recorder first =
          new Recorder()
              .onInfo(
                  line -> {
                    if (line.equals(APPLYING_DEPLOYMENT)) {
                      refused.set(
                          assertThrows(
                              ReleaseException.class,
                              () -> h.manager(B, new Recorder()).upgrade(plan("b"), false)));
                    }
                  });

      ReleaseResult result = h.manager(A, first).upgrade(plan("a"), false);

      assertEquals(
          "release demo in namespace prefect is locked by another pwk operation (revision 2 is"
              + " pending-upgrade since 2026-11-25T12:00:00Z, held by host-a/100/1); retry when it"
              + " has finished, or after 2026-11-25T12:00:30Z if that pwk was stopped",
          refused.get().getMessage());
      assertEquals(2, result.revision().revision());
      assertEquals("prefecthq/prefect:a", image());
      assertEquals(List.of(ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED), statuses());
    }

    @Test
    @DisplayName(
        "where the first stopped renewing for a whole lease (it hung): the second takes over, the"
            + " first notices at the end and fails")
    void takenOver() {
      Recorder first =
          new Recorder()
              .onInfo(
                  line -> {
                    if (line.equals(APPLYING_DEPLOYMENT)) {
                      h.clock.advance(ReleaseLock.LEASE);
                      h.manager(B, new Recorder()).upgrade(plan("b"), false);
                      h.renewLeases();
                      assertEquals(
                          ReleaseStatus.FAILED,
                          h.record(2).releaseStatus(),
                          "a late renewal does not bring the taken-over revision back");
                    }
                  });

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager(A, first).upgrade(plan("a"), false));

      assertEquals(
          "release demo in namespace prefect was taken over by another pwk operation while"
              + " revision 2 was being applied; the live objects may come from either operation,"
              + " retry",
          e.getMessage());
      assertEquals(
          List.of(ReleaseStatus.SUPERSEDED, ReleaseStatus.FAILED, ReleaseStatus.DEPLOYED),
          statuses());
    }

    @Test
    @DisplayName(
        "where the first keeps renewing its lock: the second is refused long after the first lease"
            + " would have run out, and the holder's lock is released when it ends")
    void renewed() {
      AtomicReference<ReleaseException> refused = new AtomicReference<>();
      Recorder first =
          new Recorder()
              .onInfo(
                  line -> {
                    if (line.equals(APPLYING_DEPLOYMENT)) {
                      for (int i = 0; i < 6; i++) {
                        h.clock.advance(ReleaseLock.RENEW_EVERY);
                        h.renewLeases();
                      }
                      assertEquals("2026-11-25T12:01:30Z", h.record(2).lock().expires());
                      refused.set(
                          assertThrows(
                              ReleaseException.class,
                              () -> h.manager(B, new Recorder()).upgrade(plan("b"), false)));
                    }
                  });

      ReleaseResult result = h.manager(A, first).upgrade(plan("a"), false);

      assertTrue(
          refused.get().getMessage().contains("is locked by another pwk operation"),
          refused.get().getMessage());
      assertEquals(ReleaseStatus.DEPLOYED, result.revision().status());
      assertEquals("prefecthq/prefect:a", image());
      assertNull(h.record(2).lock());
      assertFalse(h.renewing(), "no renewal outlives its operation");
    }

    @Test
    @DisplayName("a dry run of a locked release still runs, with a warning")
    void dryRun() {
      Recorder first =
          new Recorder()
              .onInfo(
                  line -> {
                    if (line.equals(APPLYING_DEPLOYMENT)) {
                      Recorder dry = new Recorder();
                      h.manager(B, dry)
                          .upgrade(
                              Fixtures.worker()
                                  .withOptions(
                                      ReleaseOptions.defaults()
                                          .withDryRun(ReleaseOptions.DryRun.SERVER))
                                  .plan(),
                              false);
                      assertTrue(
                          dry.warnings.get(0).contains("is locked by another pwk operation"));
                    }
                  });

      h.manager(A, first).upgrade(plan("a"), false);
      assertEquals("prefecthq/prefect:a", image());
    }
  }

  @Nested
  @DisplayName("an interrupted upgrade")
  class Interrupted {
    private void interrupt(ReleasePlan plan) {
      Recorder dying =
          new Recorder()
              .onInfo(
                  line -> {
                    if (line.equals(APPLYING_DEPLOYMENT)) {
                      throw new Killed();
                    }
                  });
      assertThrows(Killed.class, () -> h.manager(A, dying).upgrade(plan, false));
    }

    @Test
    @DisplayName("leaves its revision pending, so the release stays locked until its lock lapses")
    void leavesPending() {
      interrupt(plan("a"));

      ReleaseRecord pending = h.record(2);
      assertEquals(ReleaseStatus.PENDING_UPGRADE, pending.releaseStatus());
      assertEquals(A, pending.lock().owner());
      assertEquals("2026-11-25T12:00:30Z", pending.lock().expires());
      assertEquals(
          "pending-upgrade", h.recordSecret(2).getMetadata().getLabels().get("pwk.dev/status"));
      ReleaseException e =
          assertThrows(
              ReleaseException.class, () -> h.manager(B, new Recorder()).upgrade(plan("b"), false));
      assertTrue(e.getMessage().contains("is locked by another pwk operation"), e.getMessage());
      assertEquals(ReleaseException.Kind.LOCKED, e.kind());
    }

    @Test
    @DisplayName(
        "shows in status and history as in progress until its lock lapses, then as left pending"
            + " by an operation that stopped")
    void shownAsStopped() {
      interrupt(plan("a"));
      assertEquals(
          "upgrade in progress", h.manager().status("demo", "prefect").revision().description());

      h.clock.advance(ReleaseLock.LEASE);

      String stopped =
          "Upgrade left pending by an operation that stopped; the next pwk operation on the"
              + " release takes it over";
      Revision status = h.manager().status("demo", "prefect").revision();
      assertEquals(ReleaseStatus.PENDING_UPGRADE, status.status());
      assertEquals(stopped, status.description());
      assertEquals(
          List.of("Install complete", stopped),
          h.manager().history("demo", "prefect").stream().map(Revision::description).toList());
      assertEquals("upgrade in progress", h.record(2).description(), "reading changes nothing");
    }

    @Test
    @DisplayName("is recovered by the next upgrade once its lock has lapsed")
    void recoveredWhenGone() {
      interrupt(plan("a"));
      h.clock.advance(ReleaseLock.LEASE);
      Recorder next = new Recorder();

      ReleaseResult result = h.manager(B, next).upgrade(plan("b"), false);

      assertEquals(3, result.revision().revision());
      assertEquals("prefecthq/prefect:b", image());
      assertEquals(
          List.of(
              "revision 2 of release demo was left pending-upgrade by a pwk that stopped before it"
                  + " finished; this upgrade takes over and cleans up after it"),
          next.warnings);
      assertEquals(ReleaseStatus.FAILED, h.record(2).releaseStatus());
      assertEquals(
          "Interrupted: pwk stopped before this upgrade finished", h.record(2).description());
      assertEquals(
          List.of(ReleaseStatus.SUPERSEDED, ReleaseStatus.FAILED, ReleaseStatus.DEPLOYED),
          statuses());
    }

    @Test
    @DisplayName("is not recovered a moment before its lock lapses")
    void notBeforeExpiry() {
      interrupt(plan("a"));
      h.clock.advance(ReleaseLock.LEASE.minusMillis(1));
      assertThrows(
          ReleaseException.class, () -> h.manager(B, new Recorder()).upgrade(plan("b"), false));
      h.clock.advance(Duration.ofMillis(1));

      ReleaseResult result = h.manager(B, new Recorder()).upgrade(plan("b"), false);

      assertEquals(3, result.revision().revision());
    }

    @Test
    @DisplayName("has what it created pruned by the upgrade that recovers it")
    void prunesLeftovers() {
      Recorder dying = new Recorder();
      ReleaseListener killer =
          new ReleaseListener() {
            @Override
            public void info(String message) {
              dying.info(message);
            }

            @Override
            public void warn(String message) {
              dying.warn(message);
            }

            @Override
            public void progress(String message) {
              throw new Killed();
            }
          };
      ReleasePlan withHpa =
          Fixtures.worker()
              .withAutoscaling(true)
              .withOptions(ReleaseOptions.defaults().withWaitForRollout(true))
              .plan();
      assertThrows(Killed.class, () -> h.manager(A, killer).upgrade(withHpa, false));
      assertTrue(h.hasHpa());
      assertEquals("2026-11-25T12:00:30Z", h.record(2).lock().expires());
      h.clock.advance(ReleaseLock.LEASE);

      ReleaseResult result = h.manager(B, new Recorder()).upgrade(plan("b"), false);

      assertEquals(
          List.of(
              new ObjectRef(
                  "autoscaling/v2beta2", "HorizontalPodAutoscaler", "prefect", "prefect-worker")),
          result.deleted());
      assertFalse(h.hasHpa());
    }

    @Test
    @DisplayName("blocks uninstall too, until recovered")
    void uninstall() {
      interrupt(plan("a"));
      ReleaseException e =
          assertThrows(
              ReleaseException.class,
              () -> h.manager(B, new Recorder()).uninstall("demo", "prefect", false));
      assertTrue(e.getMessage().contains("is locked by another pwk operation"), e.getMessage());

      h.clock.advance(ReleaseLock.LEASE);
      UninstallResult result = h.manager(B, new Recorder()).uninstall("demo", "prefect", false);
      assertEquals(4, result.deleted().size());
      assertThrows(ReleaseException.class, () -> h.manager().history("demo", "prefect"));
    }
  }

  @Nested
  @DisplayName("an interrupted first install")
  class InterruptedInstall {
    @Test
    @DisplayName("can be installed again once recovered")
    void reinstall() {
      h.manager().uninstall("demo", "prefect", false);
      Recorder dying =
          new Recorder()
              .onInfo(
                  line -> {
                    if (line.equals(APPLYING_DEPLOYMENT)) {
                      throw new Killed();
                    }
                  });
      assertThrows(Killed.class, () -> h.manager(A, dying).install(Fixtures.worker().plan()));
      assertEquals(ReleaseStatus.PENDING_INSTALL, h.record(1).releaseStatus());
      h.clock.advance(ReleaseLock.LEASE);

      ReleaseResult result = h.manager(B, new Recorder()).install(Fixtures.worker().plan());

      assertEquals(2, result.revision().revision());
      assertEquals(ReleaseStatus.FAILED, h.record(1).releaseStatus());
      assertNotNull(h.deployment());
    }
  }

  @Nested
  @DisplayName("the lock owner of this process")
  class Owner {
    @Test
    @DisplayName("names host and pid, and a nonce that keeps holders with equal ones apart")
    void id() {
      String[] parts = LockOwner.thisProcess().id().split("/");
      assertEquals(3, parts.length);
      assertEquals(Long.toString(ProcessHandle.current().pid()), parts[1]);
      assertNotEquals(LockOwner.thisProcess().id(), LockOwner.thisProcess().id());
    }
  }
}
