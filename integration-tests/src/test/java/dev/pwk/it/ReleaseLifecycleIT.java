package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The release commands, run as a user runs them: {@code pwk install}, {@code upgrade}, {@code
 * rollback}, {@code history}, {@code status} and {@code uninstall} against the cluster, each test
 * in a namespace of its own. Where the cluster has no kubelet, the pods become ready because {@link
 * FakeKubelet} says so.
 */
@RequiresCluster
@DisplayName("pwk install, upgrade, rollback and uninstall manage a worker release on the cluster")
class ReleaseLifecycleIT {
  private static final String RELEASE = "worker";

  /** pwk's annotation on every object of a release: {@code <namespace>/<release>}. */
  private static final String OWNER_ANNOTATION = "pwk.dev/release";

  /** pwk's release records: Secrets of this type, labelled with the release name. */
  private static final String RECORD_TYPE = "pwk.dev/release.v1";

  private static final String RECORD_RELEASE_LABEL = "pwk.dev/release";
  private static final String CHECKSUM = "checksum/config";
  private static final String WAIT = "60s";
  private static final String ACCOUNT = "11111111-2222-4333-8444-555555555555";
  private static final String WORKSPACE = "66666666-7777-4888-9999-000000000000";

  /** A Secret the user creates before installing: {@code name} with one key. */
  record UserSecret(String name, String key) {}

  /**
   * One way to run a worker.
   *
   * @param values the values file
   * @param secret the Secret the values point the worker at
   * @param apiUrl the expected {@code PREFECT_API_URL}
   * @param credentialEnv the env var that reads {@code secret}
   */
  record Configuration(String values, UserSecret secret, String apiUrl, String credentialEnv) {
    @Override
    public String toString() {
      return values.replace(".yaml", "");
    }
  }

  static Stream<Configuration> configurations() {
    UserSecret apiKey = new UserSecret("prefect-api-key", "key");
    String workspace = "/accounts/" + ACCOUNT + "/workspaces/" + WORKSPACE;
    return Stream.of(
        new Configuration(
            "cloud.yaml", apiKey, "https://api.prefect.cloud/api" + workspace, "PREFECT_API_KEY"),
        new Configuration(
            "customer-managed.yaml",
            apiKey,
            "https://prefect.example.com/api" + workspace,
            "PREFECT_API_KEY"),
        new Configuration(
            "self-hosted.yaml",
            new UserSecret("prefect-basic-auth", "auth-string"),
            "http://prefect-server.prefect.svc.cluster.local:4200/api",
            "PREFECT_API_AUTH_STRING"));
  }

  @Nested
  @DisplayName("pwk install")
  class Install {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pwk.it.ReleaseLifecycleIT#configurations")
    @DisplayName(
        "creates the worker's objects with the configuration's API settings, owned by the"
            + " release, and --wait returns once the Deployment has rolled out")
    void installs(Configuration config, Cluster cluster, TestNamespace ns) {
      createSecret(cluster, ns, config.secret());

      PwkCli.Run run =
          PwkCli.run(
                  cluster,
                  ns,
                  "install",
                  RELEASE,
                  "-f",
                  Manifests.valuesFile(config.values()).toString(),
                  "--wait",
                  "--timeout",
                  WAIT)
              .assertSucceeded();

      assertTrue(run.out().contains("STATUS: deployed"), run::toString);
      String owner = ns.name() + "/" + RELEASE;
      var client = cluster.client();
      String name = "prefect-worker";
      assertAll(
          () ->
              assertOwned(
                  owner, client.serviceAccounts().inNamespace(ns.name()).withName(name).get()),
          () ->
              assertOwned(owner, client.rbac().roles().inNamespace(ns.name()).withName(name).get()),
          () ->
              assertOwned(
                  owner, client.rbac().roleBindings().inNamespace(ns.name()).withName(name).get()));

      Deployment deployment = deployment(cluster, ns, name);
      assertOwned(owner, deployment);
      assertTrue(Workloads.rolledOut(deployment, 1), () -> "not rolled out: " + run);
      Container worker = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      String kubeSystemUid =
          client.namespaces().withName("kube-system").get().getMetadata().getUid();
      assertAll(
          () -> assertEquals("prefecthq/prefect:3.8.3-python3.11-kubernetes", worker.getImage()),
          () ->
              assertEquals(
                  name, deployment.getSpec().getTemplate().getSpec().getServiceAccountName()),
          () ->
              assertTrue(
                  String.join(" ", worker.getArgs()).contains("--pool it-pool"),
                  () -> "args " + worker.getArgs()),
          () -> assertEquals(config.apiUrl(), env(worker, "PREFECT_API_URL").getValue()),
          () ->
              assertEquals(
                  config.secret().name(),
                  env(worker, config.credentialEnv()).getValueFrom().getSecretKeyRef().getName()),
          () ->
              assertEquals(
                  config.secret().key(),
                  env(worker, config.credentialEnv()).getValueFrom().getSecretKeyRef().getKey()),
          // As the chart's lookup does at install time.
          () ->
              assertEquals(
                  kubeSystemUid, env(worker, "PREFECT_KUBERNETES_CLUSTER_UID").getValue()));

      assertEquals(List.of("1 deployed"), history(cluster, ns));
    }
  }

  @Nested
  @DisplayName("pwk upgrade")
  class Upgrade {
    @Test
    @DisplayName(
        "with a changed base job template changes checksum/config and replaces every pod, and"
            + " records revision 2")
    void rollsThePods(Cluster cluster, TestNamespace ns) {
      Workloads.createApiKeySecret(cluster, ns.name());
      install(cluster, ns, "base-job-template-v1.yaml");
      Deployment before = deployment(cluster, ns, "prefect-worker");
      Set<String> podsBefore = podNames(cluster, ns, before);
      assertFalse(podsBefore.isEmpty(), ns.describePods());

      PwkCli.run(cluster, ns, upgrade("base-job-template-v2.yaml")).assertSucceeded();

      Deployment after = deployment(cluster, ns, "prefect-worker");
      assertNotEquals(checksum(before), checksum(after), CHECKSUM);
      assertTrue(
          configMap(cluster, ns).getData().values().stream().anyMatch(v -> v.contains("v2")),
          "the ConfigMap holds the new template");
      Poll.until(
          Workloads.ROLLOUT,
          "the pods of revision 1 to be gone",
          () -> podNames(cluster, ns, after),
          names -> names.size() == 1 && names.stream().noneMatch(podsBefore::contains),
          names -> "pods " + names + ", before " + podsBefore);
      for (Pod pod : pods(cluster, ns, after)) {
        assertEquals(
            checksum(after),
            pod.getMetadata().getAnnotations().get(CHECKSUM),
            pod.getMetadata().getName());
      }
      assertEquals(List.of("1 superseded", "2 deployed"), history(cluster, ns));
    }

    @Test
    @DisplayName("with autoscaling turned off deletes the HorizontalPodAutoscaler")
    void prunesTheHpa(Cluster cluster, TestNamespace ns) {
      Workloads.createApiKeySecret(cluster, ns.name());
      install(cluster, ns, null, "--set", "worker.autoscaling.enabled=true");
      assertNotNull(hpa(cluster, ns), "HPA after install");

      PwkCli.Run run =
          PwkCli.run(cluster, ns, upgrade(null, "--set", "worker.autoscaling.enabled=false"))
              .assertSucceeded();

      assertNull(hpa(cluster, ns), "HPA after turning autoscaling off");
      assertTrue(run.out().contains("deleted  HorizontalPodAutoscaler"), run::toString);
      assertEquals(List.of("1 superseded", "2 deployed"), history(cluster, ns));
    }
  }

  @Nested
  @DisplayName("pwk rollback")
  class Rollback {
    @Test
    @DisplayName(
        "restores the previous revision: its pod template, its ConfigMap and the HPA the upgrade"
            + " removed, as revision 3")
    void restores(Cluster cluster, TestNamespace ns) {
      Workloads.createApiKeySecret(cluster, ns.name());
      install(cluster, ns, "base-job-template-v1.yaml", "--set", "worker.autoscaling.enabled=true");
      String checksum1 = checksum(deployment(cluster, ns, "prefect-worker"));
      PwkCli.run(
              cluster,
              ns,
              upgrade("base-job-template-v2.yaml", "--set", "worker.autoscaling.enabled=false"))
          .assertSucceeded();
      assertNull(hpa(cluster, ns), "HPA after the upgrade");

      PwkCli.run(cluster, ns, "rollback", RELEASE, "--wait", "--timeout", WAIT).assertSucceeded();

      Deployment restored = deployment(cluster, ns, "prefect-worker");
      assertAll(
          () -> assertEquals(checksum1, checksum(restored), CHECKSUM),
          () -> assertTrue(Workloads.rolledOut(restored, 1), "rolled out"),
          () -> assertNotNull(hpa(cluster, ns), "HPA"),
          () ->
              assertTrue(
                  configMap(cluster, ns).getData().values().stream()
                      .anyMatch(v -> v.contains("v1")),
                  "the ConfigMap holds the first template"));
      assertEquals(List.of("1 superseded", "2 superseded", "3 deployed"), history(cluster, ns));
    }
  }

  @Nested
  @DisplayName("pwk uninstall")
  class Uninstall {
    @Test
    @DisplayName(
        "leaves nothing of the release behind: no object of any kind it made, no pods, no"
            + " release records; the user's Secret stays")
    void removesEverything(Cluster cluster, TestNamespace ns) {
      Workloads.createApiKeySecret(cluster, ns.name());
      install(
          cluster,
          ns,
          "base-job-template-v1.yaml",
          "--set",
          "worker.autoscaling.enabled=true",
          "--set",
          "worker.podDisruptionBudget.maxUnavailable=1");
      Deployment deployment = deployment(cluster, ns, "prefect-worker");
      Map<String, Integer> before = ownedObjects(cluster, ns);
      assertEquals(7, before.size(), () -> "kinds made by the release: " + before);
      assertFalse(pods(cluster, ns, deployment).isEmpty(), ns.describePods());
      assertFalse(releaseRecords(cluster, ns).isEmpty(), "release records after install");

      PwkCli.run(cluster, ns, "uninstall", RELEASE).assertSucceeded();

      assertEquals(Map.of(), ownedObjects(cluster, ns), "objects of the release");
      assertEquals(List.of(), releaseRecords(cluster, ns), "release records");
      Poll.until(
          Workloads.ROLLOUT,
          "the release's ReplicaSets and pods to be garbage-collected",
          () ->
              cluster
                      .client()
                      .apps()
                      .replicaSets()
                      .inNamespace(ns.name())
                      .withLabels(deployment.getSpec().getSelector().getMatchLabels())
                      .list()
                      .getItems()
                      .size()
                  + pods(cluster, ns, deployment).size(),
          n -> n == 0,
          n -> n + " left; " + ns.describePods());
      assertNotNull(
          cluster.client().secrets().inNamespace(ns.name()).withName("prefect-api-key").get(),
          "the user's API key Secret");
      PwkCli.Run status = PwkCli.run(cluster, ns, "status", RELEASE);
      assertEquals(1, status.exitCode(), status::toString);
      assertTrue(status.err().contains("not found"), status::toString);
    }
  }

  @Nested
  @DisplayName("pwk install --wait")
  class Wait {
    @Test
    @DisplayName(
        "--timeout 20s fails with the reason when the pods never become ready, and records the"
            + " revision as failed")
    void timesOut(Cluster cluster, TestNamespace ns) {
      Workloads.createApiKeySecret(cluster, ns.name());
      long start = System.nanoTime();
      PwkCli.Run run =
          PwkCli.run(
              cluster,
              ns,
              "install",
              RELEASE,
              "-f",
              Manifests.valuesFile("cloud.yaml").toString(),
              // A registry that never resolves: the image cannot be pulled.
              "--set",
              "worker.image.repository=registry.invalid/prefecthq/prefect",
              "--wait",
              "--timeout",
              "20s");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertEquals(1, run.exitCode(), run::toString);
      assertAll(
          () -> assertTrue(run.err().contains("did not roll out"), run::toString),
          () -> assertTrue(run.err().contains("timed out after 20s"), run::toString),
          () -> assertTrue(run.err().contains("ErrImagePull"), run::toString),
          () -> assertTrue(run.err().contains("registry.invalid"), run::toString),
          () ->
              assertTrue(
                  took.compareTo(Duration.ofSeconds(19)) > 0
                      && took.compareTo(Duration.ofSeconds(90)) < 0,
                  "took " + took));
      assertEquals(List.of("1 failed"), history(cluster, ns));
    }
  }

  @Nested
  @DisplayName("pwk install of values that repeat a chart env var (upstream test 30)")
  class DuplicateEnvVars {
    @Test
    @DisplayName("applies the last of the two, which server-side apply needs, and says so")
    void installs(Cluster cluster, TestNamespace ns) {
      Path ut30 =
          dev.pwk.values.testing.ConformanceCase.named("ut-30-render-extraenv-in-sync-base-job")
              .inputs()
              .files()
              .get(1);
      PwkCli.Run run =
          PwkCli.run(
                  cluster,
                  ns,
                  "install",
                  RELEASE,
                  "-f",
                  Manifests.valuesFile("cloud.yaml").toString(),
                  "-f",
                  ut30.toString())
              .assertSucceeded();
      assertTrue(run.err().contains("sets PREFECT_API_KEY more than once"), run::toString);
      List<EnvVar> env =
          cluster
              .client()
              .apps()
              .deployments()
              .inNamespace(ns.name())
              .withName("prefect-worker")
              .get()
              .getSpec()
              .getTemplate()
              .getSpec()
              .getInitContainers()
              .get(0)
              .getEnv();
      List<EnvVar> keys = env.stream().filter(e -> e.getName().equals("PREFECT_API_KEY")).toList();
      assertEquals(1, keys.size(), env::toString);
      assertEquals("my-api-key", keys.get(0).getValue());
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static void install(Cluster cluster, TestNamespace ns, String overlay, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("install", RELEASE, "-f", Manifests.valuesFile("cloud.yaml").toString()));
    if (overlay != null) {
      args.addAll(List.of("-f", Manifests.valuesFile(overlay).toString()));
    }
    args.addAll(List.of(more));
    args.addAll(List.of("--wait", "--timeout", WAIT));
    PwkCli.run(cluster, ns, args.toArray(String[]::new)).assertSucceeded();
  }

  private static String[] upgrade(String overlay, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("upgrade", RELEASE, "-f", Manifests.valuesFile("cloud.yaml").toString()));
    if (overlay != null) {
      args.addAll(List.of("-f", Manifests.valuesFile(overlay).toString()));
    }
    args.addAll(List.of(more));
    args.addAll(List.of("--wait", "--timeout", WAIT));
    return args.toArray(String[]::new);
  }

  private static void createSecret(Cluster cluster, TestNamespace ns, UserSecret secret) {
    cluster
        .client()
        .secrets()
        .inNamespace(ns.name())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(secret.name())
                .endMetadata()
                .addToStringData(secret.key(), "integration-test-not-a-secret")
                .build())
        .create();
  }

  /** {@code pwk history}: "revision status" per line, oldest first. */
  private static List<String> history(Cluster cluster, TestNamespace ns) {
    PwkCli.Run run = PwkCli.run(cluster, ns, "history", RELEASE).assertSucceeded();
    Pattern row = Pattern.compile("^(\\d+)\\s+\\S+\\s+(\\S+)\\s");
    List<String> out = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      Matcher m = row.matcher(line);
      if (m.find()) {
        out.add(m.group(1) + " " + m.group(2));
      }
    }
    return out;
  }

  private static Deployment deployment(Cluster cluster, TestNamespace ns, String name) {
    Deployment d =
        cluster.client().apps().deployments().inNamespace(ns.name()).withName(name).get();
    assertNotNull(d, "Deployment " + name);
    return d;
  }

  private static String checksum(Deployment d) {
    return d.getSpec().getTemplate().getMetadata().getAnnotations().get(CHECKSUM);
  }

  private static List<Pod> pods(Cluster cluster, TestNamespace ns, Deployment d) {
    return Workloads.podsMatching(cluster, ns.name(), d.getSpec().getSelector().getMatchLabels())
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private static Set<String> podNames(Cluster cluster, TestNamespace ns, Deployment d) {
    return pods(cluster, ns, d).stream()
        .map(p -> p.getMetadata().getName())
        .collect(Collectors.toSet());
  }

  private static ConfigMap configMap(Cluster cluster, TestNamespace ns) {
    ConfigMap map =
        cluster
            .client()
            .configMaps()
            .inNamespace(ns.name())
            .withName("prefect-worker-base-job-template")
            .get();
    assertNotNull(map, "base job template ConfigMap");
    return map;
  }

  /** The HPA, through autoscaling/v1, which every cluster serves for every HPA. */
  private static HorizontalPodAutoscaler hpa(Cluster cluster, TestNamespace ns) {
    return cluster
        .client()
        .autoscaling()
        .v1()
        .horizontalPodAutoscalers()
        .inNamespace(ns.name())
        .withName("prefect-worker")
        .get();
  }

  private static EnvVar env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env var " + name + " in " + c.getName()));
  }

  private static void assertOwned(String owner, HasMetadata o) {
    assertNotNull(o, "object missing");
    assertEquals(
        owner,
        o.getMetadata().getAnnotations() == null
            ? null
            : o.getMetadata().getAnnotations().get(OWNER_ANNOTATION),
        o.getKind() + " " + o.getMetadata().getName() + " annotation " + OWNER_ANNOTATION);
  }

  /**
   * Every kind the chart can make, listed in the namespace, counting the objects annotated as the
   * release's: kind -> count, kinds without any left out.
   */
  private static Map<String, Integer> ownedObjects(Cluster cluster, TestNamespace ns) {
    String pdbVersion =
        cluster.capabilities().lists("policy/v1") || cluster.capabilities().atLeast(1, 21)
            ? "policy/v1"
            : "policy/v1beta1";
    List<String[]> kinds =
        List.of(
            new String[] {"v1", "ServiceAccount"},
            new String[] {"v1", "ConfigMap"},
            new String[] {"rbac.authorization.k8s.io/v1", "Role"},
            new String[] {"rbac.authorization.k8s.io/v1", "RoleBinding"},
            new String[] {"apps/v1", "Deployment"},
            new String[] {"autoscaling/v1", "HorizontalPodAutoscaler"},
            new String[] {pdbVersion, "PodDisruptionBudget"});
    String owner = ns.name() + "/" + RELEASE;
    Map<String, Integer> owned = new TreeMap<>();
    for (String[] k : kinds) {
      List<GenericKubernetesResource> items =
          cluster
              .client()
              .genericKubernetesResources(k[0], k[1])
              .inNamespace(ns.name())
              .list()
              .getItems();
      int n =
          (int)
              items.stream()
                  .filter(
                      o ->
                          o.getMetadata().getAnnotations() != null
                              && owner.equals(
                                  o.getMetadata().getAnnotations().get(OWNER_ANNOTATION)))
                  .count();
      if (n > 0) {
        owned.put(k[1], n);
      }
    }
    return owned;
  }

  /** The release's records: Secrets of pwk's record type labelled with the release. */
  private static List<String> releaseRecords(Cluster cluster, TestNamespace ns) {
    return cluster
        .client()
        .secrets()
        .inNamespace(ns.name())
        .withLabel(RECORD_RELEASE_LABEL, RELEASE)
        .list()
        .getItems()
        .stream()
        .filter(s -> RECORD_TYPE.equals(s.getType()))
        .map(Secret::getMetadata)
        .map(m -> m.getName())
        .toList();
  }
}
