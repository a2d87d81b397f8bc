package dev.pwk.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pwk.release.RecordStore.Stored;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs, upgrades, rolls back, inspects and removes pwk releases. This is the only class the
 * commands call; every cluster call goes through the {@link KubernetesClient} it is given, and
 * every failure comes out as a one-line {@link ReleaseException}.
 *
 * <p>Objects are applied with server-side apply under the field manager {@code pwk} and annotated
 * {@code pwk.dev/release: <namespace>/<release>}. Each revision is recorded in a Secret of type
 * {@code pwk.dev/release.v1} named {@code pwk.release.v1.<release>.v<revision>} in the release
 * namespace.
 */
public final class ReleaseManager {
  /** Retries of a request that failed with 429, 5xx or an I/O error ({@link #newClient}). */
  static final int CLIENT_RETRIES = 5;

  /** First backoff in milliseconds; it doubles each retry (250 ms to 4 s, 7.75 s in all). */
  static final int CLIENT_RETRY_INTERVAL_MS = 250;

  /**
   * Connect and read timeout of each request, and of {@link #checkReachable}, unless an operation
   * timeout is shorter ({@link #newClient(String, Duration)}).
   */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern LEADING_NUMBER = Pattern.compile("(\\d+).*");

  private final KubernetesClient client;
  private final ReleaseListener listener;
  private final RecordStore records;
  private final ClusterObjects objects;
  private final Deployer deployer;
  private final Uninstaller uninstaller;
  private final Differ differ;
  private final ReleaseLock lock;

  /**
   * A manager that reports through {@code listener} and records {@code toolVersion} in each new
   * revision.
   */
  public ReleaseManager(KubernetesClient client, ReleaseListener listener, String toolVersion) {
    this(
        client,
        listener,
        toolVersion,
        Clock.systemUTC(),
        Sleeper.SYSTEM,
        LockOwner.thisProcess(),
        Renewals.DAEMON);
  }

  ReleaseManager(
      KubernetesClient client,
      ReleaseListener listener,
      String toolVersion,
      Clock clock,
      Sleeper sleeper,
      LockOwner owner,
      Renewals renewals) {
    this.client = Objects.requireNonNull(client, "client");
    this.listener = Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(toolVersion, "toolVersion");
    String server = String.valueOf(client.getMasterUrl());
    this.records = new RecordStore(client, listener);
    this.objects = new ClusterObjects(client);
    this.lock = new ReleaseLock(records, listener, clock, owner, server, renewals);
    this.deployer = new Deployer(client, listener, clock, sleeper, records, lock, toolVersion);
    this.uninstaller = new Uninstaller(records, objects, lock, listener, clock, server);
    this.differ = new Differ(records, objects, client.getKubernetesSerialization());
  }

  /**
   * A client for the kubeconfig context {@code kubeContext} (the current one when null), that
   * retries requests failing with 429, 5xx or an I/O error up to {@value #CLIENT_RETRIES} times
   * with exponential backoff, honouring {@code Retry-After}.
   *
   * @throws ReleaseException of kind {@link ReleaseException.Kind#BAD_KUBECONFIG} when the
   *     kubeconfig cannot be read or has no such context (fabric8 would silently use the current
   *     one)
   */
  public static KubernetesClient newClient(String kubeContext) {
    return newClient(kubeContext, REQUEST_TIMEOUT);
  }

  /**
   * {@link #newClient(String)} for an operation that may take at most {@code operationTimeout}: its
   * requests' connect and read timeouts are that, when shorter than {@link #REQUEST_TIMEOUT}.
   */
  public static KubernetesClient newClient(String kubeContext, Duration operationTimeout) {
    Duration timeout =
        operationTimeout.isNegative()
                || operationTimeout.isZero()
                || operationTimeout.compareTo(REQUEST_TIMEOUT) > 0
            ? REQUEST_TIMEOUT
            : operationTimeout;
    Config config;
    try {
      config =
          KubeconfigReader.read(kubeContext).orElseGet(() -> Config.autoConfigure(kubeContext));
    } catch (RuntimeException e) {
      throw new ReleaseException(
          ReleaseException.Kind.BAD_KUBECONFIG,
          "cannot read the kubeconfig: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
    }
    if (kubeContext != null
        && (config.getContexts() == null
            || config.getContexts().stream().noneMatch(c -> kubeContext.equals(c.getName())))) {
      throw new ReleaseException(
          ReleaseException.Kind.BAD_KUBECONFIG,
          "kubeconfig context \"" + kubeContext + "\" not found");
    }
    config.setConnectionTimeout((int) timeout.toMillis());
    config.setRequestTimeout((int) timeout.toMillis());
    config.setRequestRetryBackoffLimit(CLIENT_RETRIES);
    config.setRequestRetryBackoffInterval(CLIENT_RETRY_INTERVAL_MS);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * Fails at once, on one line, when the client's API server does not answer: nothing listens at
   * its address, or it accepts connections but answers nothing within the client's connect timeout.
   * The client retries I/O errors and timeouts, which suits a busy server but would make these take
   * up to a minute.
   *
   * @throws ReleaseException of kind {@link ReleaseException.Kind#UNREACHABLE}
   */
  public static void checkReachable(KubernetesClient client) {
    ServerProbe.check(
        client.getMasterUrl(), Duration.ofMillis(client.getConfiguration().getConnectionTimeout()));
  }

  /**
   * The cluster's version and served API versions, to render for it; with {@code lookUpClusterUid},
   * also the UID of the {@code kube-system} namespace, as the chart's {@code lookup} reads it when
   * {@code worker.clusterUid} is empty. When RBAC forbids that read, it warns and returns an empty
   * UID.
   */
  public ClusterInfo discover(boolean lookUpClusterUid) {
    return guarded(
        "reading the cluster version",
        () -> {
          VersionInfo version = client.getKubernetesVersion();
          int major = leadingNumber(version.getMajor(), version);
          int minor = leadingNumber(version.getMinor(), version);
          Set<String> apis = new TreeSet<>();
          apis.add("v1");
          APIGroupList groups = client.getApiGroups();
          for (APIGroup group : groups == null ? List.<APIGroup>of() : groups.getGroups()) {
            for (GroupVersionForDiscovery gv : group.getVersions()) {
              apis.add(gv.getGroupVersion());
            }
          }
          String uid = lookUpClusterUid ? clusterUid() : "";
          String git = version.getGitVersion() == null ? "" : version.getGitVersion();
          return new ClusterInfo(major, minor, git, apis, uid);
        });
  }

  /**
   * Applies a new release and records it as revision 1 (or as the next revision, after an uninstall
   * that kept the history).
   *
   * @throws ReleaseException when the release exists (use {@link #upgrade}), an object belongs to
   *     someone else, or applying or waiting fails (the revision is then recorded as failed)
   */
  public ReleaseResult install(ReleasePlan plan) {
    return guarded(
        "installing release " + plan.name(),
        () -> deployer.deploy(Deployer.Action.INSTALL, false, target(plan), plan.options()));
  }

  /**
   * Applies a new revision, deletes the objects that earlier revisions had and this one does not,
   * and records it. A failed upgrade records a failed revision and leaves the previous one
   * deployed.
   *
   * @param installIfMissing install when the release does not exist
   */
  public ReleaseResult upgrade(ReleasePlan plan, boolean installIfMissing) {
    return guarded(
        "upgrading release " + plan.name(),
        () ->
            deployer.deploy(
                Deployer.Action.UPGRADE, installIfMissing, target(plan), plan.options()));
  }

  /**
   * Re-applies the objects of a recorded revision as a new revision.
   *
   * @param revision the revision to return to; when empty, the newest earlier revision that was
   *     deployed successfully (or, after an uninstall that kept the history, the uninstalled one)
   */
  public ReleaseResult rollback(
      String name, String namespace, OptionalInt revision, ReleaseOptions options) {
    ReleaseNames.check(name, namespace);
    return guarded(
        "rolling back release " + name,
        () -> {
          List<Stored> history = records.list(name, namespace);
          if (history.isEmpty()) {
            throw Deployer.notFound(name, namespace, "");
          }
          Stored target = rollbackTarget(name, history, revision);
          ReleaseRecord r = target.record();
          List<HasMetadata> objects = parseManifest(r.manifest());
          if (objects.isEmpty()) {
            throw new ReleaseException(
                ReleaseException.Kind.FAILED,
                "revision " + r.revision() + " of release " + name + " has no objects to restore");
          }
          JsonNode values = r.values() == null ? JsonNodeFactory.instance.objectNode() : r.values();
          Deployer.Target t =
              new Deployer.Target(
                  name, namespace, objects, values, r.chart(), "Rollback to " + r.revision());
          return deployer.deploy(Deployer.Action.ROLLBACK, false, t, options);
        });
  }

  /**
   * Deletes exactly the objects recorded for the release that still carry its ownership annotation,
   * then its records; with {@code keepHistory} the records stay, marked uninstalled.
   */
  public UninstallResult uninstall(String name, String namespace, boolean keepHistory) {
    ReleaseNames.check(name, namespace);
    return guarded(
        "uninstalling release " + name, () -> uninstaller.uninstall(name, namespace, keepHistory));
  }

  /** The newest revision with the live state of each of its objects. */
  public ReleaseReport status(String name, String namespace) {
    ReleaseNames.check(name, namespace);
    return guarded(
        "reading release " + name,
        () -> {
          List<Stored> history = records.list(name, namespace);
          if (history.isEmpty()) {
            throw Deployer.notFound(name, namespace, "");
          }
          ReleaseRecord latest = history.get(history.size() - 1).record();
          List<ObjectState> states = new ArrayList<>();
          for (ObjectRef ref : latest.objects()) {
            states.add(state(ref));
          }
          return new ReleaseReport(lock.shown(latest), states);
        });
  }

  /**
   * Every recorded revision, oldest first.
   *
   * @throws ReleaseException when the release has no records
   */
  public List<Revision> history(String name, String namespace) {
    ReleaseNames.check(name, namespace);
    return guarded(
        "reading release " + name,
        () -> {
          List<Stored> history = records.list(name, namespace);
          if (history.isEmpty()) {
            throw Deployer.notFound(name, namespace, "");
          }
          return history.stream().map(s -> lock.shown(s.record())).toList();
        });
  }

  /**
   * What {@link #upgrade} would change, one entry per object of the plan (added, changed or
   * unchanged) and per object an earlier revision left that the plan drops (removed). Nothing is
   * changed in the cluster.
   */
  public List<ObjectDiff> diff(ReleasePlan plan) {
    return guarded("comparing release " + plan.name(), () -> differ.diff(target(plan)));
  }

  private static Deployer.Target target(ReleasePlan plan) {
    return new Deployer.Target(
        plan.name(), plan.namespace(), plan.objects(), plan.values(), plan.chart(), null);
  }

  private static Stored rollbackTarget(String name, List<Stored> history, OptionalInt revision) {
    if (revision.isPresent()) {
      return history.stream()
          .filter(s -> s.revision() == revision.getAsInt())
          .findFirst()
          .orElseThrow(
              () ->
                  new ReleaseException(
                      ReleaseException.Kind.NOT_FOUND,
                      "release "
                          + name
                          + " has no revision "
                          + revision.getAsInt()
                          + "; see `pwk history "
                          + name
                          + "`"));
    }
    Stored newest = history.get(history.size() - 1);
    if (newest.status() == ReleaseStatus.UNINSTALLED) {
      return newest;
    }
    int latest = newest.revision();
    for (int i = history.size() - 1; i >= 0; i--) {
      Stored s = history.get(i);
      if (s.revision() < latest
          && (s.status() == ReleaseStatus.SUPERSEDED || s.status() == ReleaseStatus.DEPLOYED)) {
        return s;
      }
    }
    throw new ReleaseException(
        ReleaseException.Kind.NOT_FOUND,
        "release " + name + " has no earlier successful revision to roll back to");
  }

  private List<HasMetadata> parseManifest(String manifest) {
    if (manifest.isBlank()) {
      return List.of();
    }
    Object parsed =
        client
            .getKubernetesSerialization()
            .unmarshal(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)));
    List<HasMetadata> out = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof HasMetadata object) {
          out.add(object);
        }
      }
    } else if (parsed instanceof HasMetadata object) {
      out.add(object);
    }
    return out;
  }

  private ObjectState state(ObjectRef ref) {
    if ("Deployment".equals(ref.kind()) && ref.apiVersion().startsWith("apps/")) {
      // For apps/v1 the resource is named from the model class: resolving it from apiVersion and
      // kind makes fabric8 load and inspect its every model class first.
      GenericKubernetesResource d =
          ("apps/v1".equals(ref.apiVersion())
                  ? client.genericKubernetesResources(
                      ResourceDefinitionContext.fromResourceType(Deployment.class))
                  : client.genericKubernetesResources(ref.apiVersion(), ref.kind()))
              .inNamespace(ref.namespace())
              .withName(ref.name())
              .get();
      if (d == null) {
        return new ObjectState(ref, false, false, "");
      }
      Rollout rollout = Rollout.of(d, client.getKubernetesSerialization());
      return new ObjectState(ref, true, rollout.done(), rollout.summary());
    }
    PartialObjectMetadata meta = objects.metadata(ref);
    return meta == null
        ? new ObjectState(ref, false, false, "")
        : new ObjectState(ref, true, true, "exists");
  }

  private String clusterUid() {
    try {
      PartialObjectMetadata ns =
          client.namespaces().withName("kube-system").getAsPartialObjectMetadata();
      if (ns != null && ns.getMetadata().getUid() != null) {
        return ns.getMetadata().getUid();
      }
      listener.warn(
          "namespace kube-system was not found, so PREFECT_KUBERNETES_CLUSTER_UID will be empty;"
              + " set worker.clusterUid to give the worker a cluster UID");
    } catch (KubernetesClientException e) {
      if (!ApiErrors.is(e, ApiErrors.FORBIDDEN)) {
        throw e;
      }
      listener.warn(
          "cannot read namespace kube-system (forbidden by RBAC), so"
              + " PREFECT_KUBERNETES_CLUSTER_UID will be empty; set worker.clusterUid to the"
              + " cluster's UID to fill it");
    }
    return "";
  }

  private int leadingNumber(String text, VersionInfo version) {
    Matcher m = LEADING_NUMBER.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new ReleaseException(
          ReleaseException.Kind.FAILED,
          "the API server at "
              + client.getMasterUrl()
              + " reported an unreadable version ("
              + version.getGitVersion()
              + ")");
    }
    return Integer.parseInt(m.group(1));
  }

  private <T> T guarded(String doing, Supplier<T> action) {
    try {
      return action.get();
    } catch (KubernetesClientException e) {
      throw ApiErrors.translate(e, doing, String.valueOf(client.getMasterUrl()));
    }
  }
}
