package dev.pwk.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.release.RecordStore.Stored;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Installs, upgrades and rolls back a release: checks, takes the {@link ReleaseLock}, applies the
 * objects, deletes what earlier revisions had and this one does not, optionally waits for the
 * rollout, and records the outcome.
 */
final class Deployer {
  static final String MIGRATION_GUIDE = "docs/guide/migrating-from-helm.md";

  /** What is deployed and why. */
  enum Action {
    INSTALL("install", ReleaseStatus.PENDING_INSTALL, "Install complete"),
    UPGRADE("upgrade", ReleaseStatus.PENDING_UPGRADE, "Upgrade complete"),
    ROLLBACK("rollback", ReleaseStatus.PENDING_ROLLBACK, "Rollback complete");

    final String verb;
    final ReleaseStatus pending;
    final String done;

    Action(String verb, ReleaseStatus pending, String done) {
      this.verb = verb;
      this.pending = pending;
      this.done = done;
    }
  }

  /**
   * The desired state of a release.
   *
   * @param name release name
   * @param namespace release namespace
   * @param objects rendered objects in apply order
   * @param values values to keep in the record (redacted here)
   * @param chart the chart
   * @param description the description of the revision when it succeeds, or null for the action's
   *     own ({@code Install complete}, {@code Upgrade complete})
   */
  record Target(
      String name,
      String namespace,
      List<HasMetadata> objects,
      JsonNode values,
      ChartRef chart,
      String description) {}

  private final KubernetesClient client;
  private final ReleaseListener listener;
  private final Clock clock;
  private final String toolVersion;
  private final RecordStore records;
  private final ClusterObjects objects;
  private final ReleaseLock lock;
  private final SecretReferences secrets;
  private final RolloutWaiter waiter;
  private final String server;

  Deployer(
      KubernetesClient client,
      ReleaseListener listener,
      Clock clock,
      Sleeper sleeper,
      RecordStore records,
      ReleaseLock lock,
      String toolVersion) {
    this.client = client;
    this.listener = listener;
    this.clock = clock;
    this.toolVersion = toolVersion;
    this.records = records;
    this.objects = new ClusterObjects(client);
    this.lock = lock;
    this.secrets = new SecretReferences(client, listener);
    this.waiter = new RolloutWaiter(client, listener, clock, sleeper);
    this.server = String.valueOf(client.getMasterUrl());
  }

  ReleaseResult deploy(Action requested, boolean installIfMissing, Target t, ReleaseOptions o) {
    List<Stored> history = records.list(t.name(), t.namespace());
    Stored latest = history.isEmpty() ? null : history.get(history.size() - 1);
    Action action = resolve(requested, installIfMissing, latest, t);
    boolean dryRun = o.dryRun() != ReleaseOptions.DryRun.NONE;
    Stored interrupted = lock.interruptedOrLocked(latest, action.verb, dryRun);

    int revision = latest == null ? 1 : latest.revision() + 1;
    String owner = ClusterObjects.owner(t.name(), t.namespace());
    List<HasMetadata> desired = new ArrayList<>();
    for (HasMetadata rendered : t.objects()) {
      DuplicateEnv.describe(rendered).forEach(listener::warn);
      desired.add(objects.prepare(rendered, t.namespace(), owner));
    }
    List<ObjectRef> desiredRefs = desired.stream().map(ObjectRef::of).toList();
    List<ObjectRef> leftovers = new ArrayList<>(previousObjects(history));
    leftovers.removeAll(desiredRefs);

    boolean namespaceExists = ensureNamespace(t.namespace(), o.createNamespace(), dryRun);
    secrets.warnMissing(desired, t.values());
    checkOwnership(desired, owner);

    Instant started = clock.instant();
    if (dryRun) {
      if (o.dryRun() == ReleaseOptions.DryRun.SERVER) {
        serverDryRun(desired, namespaceExists, t.namespace());
      }
      ReleaseRecord planned =
          record(t, revision, ReleaseStatus.DEPLOYED, "Dry run complete", started, desired, null);
      return new ReleaseResult(planned.toRevision(), desiredRefs, leftovers, o.dryRun());
    }

    if (interrupted != null) {
      lock.takeOver(interrupted, started);
    }
    listener.info(
        action.verb
            + " of release "
            + t.name()
            + " in namespace "
            + t.namespace()
            + ": revision "
            + revision);
    List<ObjectRef> deleted;
    ReleaseRecord done;
    Instant finished;
    try (Lease held =
        lock.acquire(
            record(
                t,
                revision,
                action.pending,
                action.verb + " in progress",
                started,
                desired,
                lock.newLock(started)))) {
      deleted = applyAll(held, desired, leftovers, owner, o);
      finished = clock.instant();
      String description = t.description() == null ? action.done : t.description();
      done = held.held().record().moveTo(ReleaseStatus.DEPLOYED, description, finished, null);
      lock.finish(held, done);
    }
    for (Stored s : history) {
      if (s.status() == ReleaseStatus.DEPLOYED) {
        supersede(s, finished);
      }
    }
    trimHistory(t.name(), t.namespace(), o.historyMax());
    return new ReleaseResult(done.toRevision(), desiredRefs, deleted, o.dryRun());
  }

  /**
   * The objects an earlier revision may have left: those of the newest deployed revision and of
   * every failed or interrupted revision after it.
   */
  static Set<ObjectRef> previousObjects(List<Stored> history) {
    Set<ObjectRef> refs = new LinkedHashSet<>();
    for (int i = history.size() - 1; i >= 0; i--) {
      Stored s = history.get(i);
      if (s.status() == ReleaseStatus.UNINSTALLED) {
        break;
      }
      refs.addAll(s.record().objects());
      if (s.status() == ReleaseStatus.DEPLOYED || s.status() == ReleaseStatus.SUPERSEDED) {
        break;
      }
    }
    return refs;
  }

  static ReleaseException notFound(String name, String namespace, String hint) {
    return new ReleaseException(
        ReleaseException.Kind.NOT_FOUND,
        "release " + name + " not found in namespace " + namespace + hint);
  }

  /** Checks that the action fits the release's state; an upgrade may turn into an install. */
  private static Action resolve(
      Action requested, boolean installIfMissing, Stored latest, Target t) {
    boolean exists = latest != null && latest.status() != ReleaseStatus.UNINSTALLED;
    if (requested == Action.INSTALL && exists && latest.status() != ReleaseStatus.PENDING_INSTALL) {
      throw new ReleaseException(
          ReleaseException.Kind.ALREADY_EXISTS,
          "release "
              + t.name()
              + " already exists in namespace "
              + t.namespace()
              + " (revision "
              + latest.revision()
              + ", "
              + latest.status()
              + "); use `pwk upgrade "
              + t.name()
              + "` to change it");
    }
    if (requested == Action.UPGRADE && !exists) {
      if (!installIfMissing) {
        throw notFound(t.name(), t.namespace(), "; use `pwk install` or `pwk upgrade --install`");
      }
      return Action.INSTALL;
    }
    return requested;
  }

  /** True when the namespace exists (or RBAC hides it); creates it when asked to. */
  private boolean ensureNamespace(String namespace, boolean create, boolean dryRun) {
    PartialObjectMetadata ns;
    try {
      ns = client.namespaces().withName(namespace).getAsPartialObjectMetadata();
    } catch (KubernetesClientException e) {
      if (ApiErrors.is(e, ApiErrors.FORBIDDEN)) {
        return true;
      }
      throw e;
    }
    if (ns != null) {
      return true;
    }
    if (!create) {
      throw new ReleaseException(
          ReleaseException.Kind.NOT_FOUND,
          "namespace " + namespace + " does not exist; create it or pass --create-namespace");
    }
    if (dryRun) {
      listener.info("would create namespace " + namespace);
      return false;
    }
    try {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
      listener.info("created namespace " + namespace);
    } catch (KubernetesClientException e) {
      if (!ApiErrors.is(e, ApiErrors.CONFLICT)) {
        throw e;
      }
    }
    return true;
  }

  /**
   * Refuses to take over objects that exist but belong to no release or to another one. Only an
   * object that no release claims may be adopted; one of a Helm release of the same name is pointed
   * to the migration guide, and one of another release, pwk's or Helm's, never.
   */
  private void checkOwnership(List<HasMetadata> desired, String owner) {
    for (HasMetadata object : desired) {
      ObjectRef ref = ObjectRef.of(object);
      PartialObjectMetadata live = objects.metadata(ref);
      if (live == null || ClusterObjects.ownedBy(live.getMetadata(), owner)) {
        continue;
      }
      String other = ClusterObjects.ownerOf(live.getMetadata());
      if (other != null) {
        throw new ReleaseException(
            ReleaseException.Kind.NOT_OWNED,
            ref
                + " belongs to pwk release "
                + other
                + "; give this release other object names (e.g. fullnameOverride) or uninstall"
                + " that one");
      }
      String helm = ClusterObjects.helmReleaseOf(live.getMetadata());
      if (helm != null && helm.equals(owner)) {
        throw new ReleaseException(
            ReleaseException.Kind.NOT_OWNED,
            ref
                + " belongs to Helm release "
                + helm
                + "; to move that release to pwk, follow \"Taking over a worker installed with"
                + " Helm\" in "
                + MIGRATION_GUIDE
                + ", which annotates its objects with "
                + ClusterObjects.OWNER_ANNOTATION
                + "="
                + owner);
      }
      if (helm != null) {
        throw new ReleaseException(
            ReleaseException.Kind.NOT_OWNED,
            ref
                + " belongs to Helm release "
                + helm
                + "; give this release other object names (e.g. fullnameOverride), or move that"
                + " release to pwk under its own name ("
                + MIGRATION_GUIDE
                + ")");
      }
      throw new ReleaseException(
          ReleaseException.Kind.NOT_OWNED,
          ref
              + " already exists and was not created by pwk release "
              + owner
              + "; delete it, or adopt it by annotating it with "
              + ClusterObjects.OWNER_ANNOTATION
              + "="
              + owner);
    }
  }

  private void serverDryRun(List<HasMetadata> desired, boolean namespaceExists, String namespace) {
    if (!namespaceExists) {
      listener.warn(
          "namespace "
              + namespace
              + " does not exist yet, so the server cannot dry-run the objects in it");
      return;
    }
    for (HasMetadata object : desired) {
      try {
        objects.apply(object, true);
      } catch (KubernetesClientException e) {
        throw ApiErrors.translate(e, "dry-run applying " + ObjectRef.of(object), server);
      }
    }
  }

  /**
   * Applies the objects, deletes the leftovers and waits; on failure marks the revision failed.
   *
   * @return the leftovers deleted
   */
  private List<ObjectRef> applyAll(
      Lease held,
      List<HasMetadata> desired,
      List<ObjectRef> leftovers,
      String owner,
      ReleaseOptions o) {
    List<ObjectRef> deleted = new ArrayList<>();
    String step = "applying objects";
    try {
      for (HasMetadata object : desired) {
        step = "applying " + ObjectRef.of(object);
        listener.info(step);
        objects.apply(object, false);
      }
      for (ObjectRef ref : leftovers) {
        step = "deleting " + ref;
        switch (objects.deleteIfOwned(ref, owner)) {
          case DELETED -> {
            deleted.add(ref);
            listener.info("deleted " + ref + " (no longer part of the release)");
          }
          case KEPT -> listener.warn("kept " + ref + ": it no longer belongs to this release");
          case MISSING -> {}
        }
      }
      if (o.waitForRollout()) {
        step = "waiting for the rollout";
        waiter.await(
            desired.stream().map(ObjectRef::of).filter(r -> r.kind().equals("Deployment")).toList(),
            o.timeout());
      }
    } catch (KubernetesClientException e) {
      throw lock.fail(held, ApiErrors.translate(e, step, server));
    } catch (ReleaseException e) {
      throw lock.fail(held, e);
    }
    return deleted;
  }

  private ReleaseRecord record(
      Target t,
      int revision,
      ReleaseStatus status,
      String description,
      Instant started,
      List<HasMetadata> desired,
      ReleaseRecord.Lock holder) {
    StringBuilder manifest = new StringBuilder();
    for (HasMetadata object : desired) {
      String yaml = client.getKubernetesSerialization().asYaml(object);
      manifest.append(yaml.startsWith("---") ? "" : "---\n").append(yaml);
      if (!yaml.endsWith("\n")) {
        manifest.append('\n');
      }
    }
    return new ReleaseRecord(
        t.name(),
        t.namespace(),
        revision,
        status.label(),
        started.toString(),
        started.toString(),
        description,
        t.chart(),
        toolVersion,
        Redaction.values(t.values()),
        desired.stream().map(ObjectRef::of).toList(),
        manifest.toString(),
        holder);
  }

  private void supersede(Stored s, Instant now) {
    try {
      records.replace(s, s.record().superseded());
    } catch (KubernetesClientException e) {
      listener.warn(
          "could not mark revision "
              + s.revision()
              + " as superseded: "
              + ApiErrors.translate(e, "updating the release record", server).getMessage());
    }
  }

  /** Deletes the oldest records beyond {@code max} (0 keeps all); the newest always stays. */
  private void trimHistory(String name, String namespace, int max) {
    if (max == 0) {
      return;
    }
    List<Stored> all = records.list(name, namespace);
    for (Stored s : all.subList(0, Math.max(0, all.size() - max))) {
      try {
        records.delete(s);
      } catch (KubernetesClientException e) {
        listener.warn("could not delete old revision " + s.revision() + " of release " + name);
      }
    }
  }
}
