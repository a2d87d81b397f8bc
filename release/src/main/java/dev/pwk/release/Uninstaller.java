package dev.pwk.release;

import dev.pwk.release.RecordStore.Stored;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes a release: every object any of its records lists that still carries its ownership
 * annotation, newest revision first and in reverse apply order, then the records.
 */
final class Uninstaller {
  private final RecordStore records;
  private final ClusterObjects objects;
  private final ReleaseLock lock;
  private final ReleaseListener listener;
  private final Clock clock;
  private final String server;

  Uninstaller(
      RecordStore records,
      ClusterObjects objects,
      ReleaseLock lock,
      ReleaseListener listener,
      Clock clock,
      String server) {
    this.records = records;
    this.objects = objects;
    this.lock = lock;
    this.listener = listener;
    this.clock = clock;
    this.server = server;
  }

  UninstallResult uninstall(String name, String namespace, boolean keepHistory) {
    List<Stored> history = records.list(name, namespace);
    if (history.isEmpty()
        || history.get(history.size() - 1).status() == ReleaseStatus.UNINSTALLED) {
      throw Deployer.notFound(name, namespace, "");
    }
    Stored latest = history.get(history.size() - 1);
    lock.interruptedOrLocked(latest, "uninstall", false);
    Instant now = clock.instant();
    String owner = ClusterObjects.owner(name, namespace);
    List<ObjectRef> deleted = new ArrayList<>();
    List<ObjectRef> kept = new ArrayList<>();
    try (Lease held =
        lock.hold(
            latest,
            latest
                .record()
                .moveTo(
                    ReleaseStatus.UNINSTALLING, "Deletion in progress", now, lock.newLock(now)))) {
      String step = "uninstalling";
      try {
        for (ObjectRef ref : objectsOf(history)) {
          step = "deleting " + ref;
          switch (objects.deleteIfOwned(ref, owner)) {
            case DELETED -> {
              deleted.add(ref);
              listener.info("deleted " + ref);
            }
            case KEPT -> {
              kept.add(ref);
              listener.warn("kept " + ref + ": it no longer belongs to this release");
            }
            case MISSING -> {}
          }
        }
      } catch (KubernetesClientException e) {
        throw lock.fail(held, ApiErrors.translate(e, step, server));
      }
      if (keepHistory) {
        lock.finish(
            held,
            held.held()
                .record()
                .moveTo(
                    ReleaseStatus.UNINSTALLED, "Uninstallation complete", clock.instant(), null));
      } else {
        held.close();
        for (Stored s : history.subList(0, history.size() - 1)) {
          records.delete(s);
        }
        records.delete(held.held());
      }
    }
    return new UninstallResult(deleted, kept, keepHistory);
  }

  /** The objects of every revision, newest revision first, each in reverse apply order. */
  private static Set<ObjectRef> objectsOf(List<Stored> history) {
    Set<ObjectRef> all = new LinkedHashSet<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      List<ObjectRef> refs = new ArrayList<>(history.get(i).record().objects());
      Collections.reverse(refs);
      all.addAll(refs);
    }
    return all;
  }
}
