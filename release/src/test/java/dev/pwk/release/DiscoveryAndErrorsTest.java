package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("cluster discovery and API failures")
class DiscoveryAndErrorsTest {
  private Harness h;

  @BeforeEach
  void start() {
    h = new Harness();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static io.fabric8.kubernetes.api.model.Status status(int code, String message) {
    return new StatusBuilder().withStatus("Failure").withCode(code).withMessage(message).build();
  }

  private long count(List<RecordedRequest> requests, String method, String path) {
    return requests.stream()
        .filter(r -> r.getMethod().equals(method) && r.getPath().equals(path))
        .count();
  }

  @Nested
  @DisplayName("discover")
  class Discover {
    @BeforeEach
    void kubernetes120() {
      h.cluster.asKubernetes120();
    }

    @Test
    @DisplayName("reads the version, the served API versions and the kube-system UID")
    void all() {
      String uid =
          h.client
              .namespaces()
              .resource(
                  new NamespaceBuilder()
                      .withNewMetadata()
                      .withName("kube-system")
                      .endMetadata()
                      .build())
              .create()
              .getMetadata()
              .getUid();

      ClusterInfo info = h.manager().discover(true);

      assertEquals(1, info.major());
      assertEquals(20, info.minor(), "the + of 20+ is ignored");
      assertEquals("v1.20.2", info.gitVersion());
      assertTrue(info.serves("v1"));
      assertTrue(info.serves("policy/v1beta1"));
      assertTrue(info.serves("autoscaling/v2beta2"));
      assertFalse(info.serves("policy/v1"));
      assertFalse(info.serves("autoscaling/v2"));
      assertEquals(
          List.of(
              "apps/v1",
              "autoscaling/v1",
              "autoscaling/v2beta1",
              "autoscaling/v2beta2",
              "policy/v1beta1",
              "rbac.authorization.k8s.io/v1",
              "rbac.authorization.k8s.io/v1beta1",
              "v1"),
          List.copyOf(info.apiVersions()));
      assertNotNull(uid);
      assertEquals(uid, info.clusterUid());
      assertEquals(List.of(), h.out.warnings);
    }

    @Test
    @DisplayName("does not look up the UID when worker.clusterUid is set")
    void noLookup() {
      ClusterInfo info = h.manager().discover(false);

      assertEquals("", info.clusterUid());
      assertEquals(
          0, count(h.requests(), "GET", "/api/v1/namespaces/kube-system"), "kube-system was read");
    }

    @Test
    @DisplayName("warns and continues with an empty UID when RBAC forbids reading kube-system")
    void forbidden() {
      h.cluster
          .server()
          .expect()
          .get()
          .withPath("/api/v1/namespaces/kube-system")
          .andReturn(403, status(403, "namespaces \"kube-system\" is forbidden"))
          .always();

      ClusterInfo info = h.manager().discover(true);

      assertEquals("", info.clusterUid());
      assertEquals(
          List.of(
              "cannot read namespace kube-system (forbidden by RBAC), so"
                  + " PREFECT_KUBERNETES_CLUSTER_UID will be empty; set worker.clusterUid to the"
                  + " cluster's UID to fill it"),
          h.out.warnings);
    }
  }

  @Nested
  @DisplayName("an unreachable server")
  class Unreachable {
    private KubernetesClient client;

    @BeforeEach
    void closedPort() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      client =
          new KubernetesClientBuilder()
              .withConfig(
                  new ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                      .withMasterUrl("http://127.0.0.1:" + port)
                      .withRequestRetryBackoffLimit(1)
                      .withRequestRetryBackoffInterval(1)
                      .build())
              .build();
    }

    @AfterEach
    void close() {
      client.close();
    }

    @Test
    @DisplayName("is a one-line error naming the server, of kind UNREACHABLE")
    void oneLine() {
      ReleaseManager manager = new ReleaseManager(client, h.out, Fixtures.TOOL_VERSION);
      String url = String.valueOf(client.getMasterUrl());

      for (Runnable call :
          List.<Runnable>of(
              () -> manager.discover(true),
              () -> manager.install(Fixtures.worker().plan()),
              () -> manager.history("demo", "prefect"))) {
        ReleaseException e = assertThrows(ReleaseException.class, call::run);
        assertEquals(ReleaseException.Kind.UNREACHABLE, e.kind());
        assertEquals(
            "cannot reach the Kubernetes API server at " + url + " (connection refused)",
            e.getMessage());
      }
    }
  }

  @Test
  @DisplayName(
      "a server that dies mid-upgrade leaves the revision pending, and the error says so and what"
          + " to do next")
  void diesMidUpgrade() {
    h.manager().install(Fixtures.worker().plan());
    String url = String.valueOf(h.client.getMasterUrl());
    Recorder dying =
        new Recorder()
            .onInfo(
                line -> {
                  if (line.equals("applying Deployment prefect/prefect-worker")) {
                    h.cluster.server().shutdown();
                  }
                });

    ReleaseException e =
        assertThrows(
            ReleaseException.class,
            () ->
                h.manager(Harness.OWNER, dying)
                    .upgrade(Fixtures.worker().withTag("next").plan(), false));

    assertEquals(ReleaseException.Kind.UNREACHABLE, e.kind());
    assertEquals(
        "cannot reach the Kubernetes API server at "
            + url
            + " (connection refused); revision 2 of release demo is left pending-upgrade: when the"
            + " API server answers again, run the upgrade again after 2026-11-25T12:00:30Z, when"
            + " its lock lapses, and see `pwk status demo`",
        e.getMessage());
  }

  @Nested
  @DisplayName("transient failures")
  class Transient {
    @Test
    @DisplayName("429 and 500 answers are retried with backoff, and the operation succeeds")
    void retried() {
      String records = "/api/v1/namespaces/prefect/secrets";
      h.requests();
      h.cluster
          .server()
          .expect()
          .post()
          .withPath(records)
          .andReturn(429, status(429, "slow down"))
          .once();
      h.cluster
          .server()
          .expect()
          .post()
          .withPath(records)
          .andReturn(500, status(500, "etcdserver: leader changed"))
          .once();

      ReleaseResult result = h.manager().install(Fixtures.worker().plan());

      assertEquals(ReleaseStatus.DEPLOYED, result.revision().status());
      assertEquals(3, count(h.requests(), "POST", records), "two failures, then the write");
      assertEquals(ReleaseStatus.DEPLOYED, h.record(1).releaseStatus());
    }

    @Test
    @DisplayName("are retried only so often, then reported on one line")
    void bounded() {
      h.cluster.server().clearExpectations();
      h.cluster
          .server()
          .expect()
          .get()
          .withPath("/version")
          .andReturn(503, status(503, "apiserver is shutting down"))
          .always();

      ReleaseException e = assertThrows(ReleaseException.class, () -> h.manager().discover(false));

      assertEquals(ReleaseException.Kind.FAILED, e.kind());
      assertEquals(
          "reading the cluster version failed with HTTP 503 after retrying with backoff:"
              + " apiserver is shutting down",
          e.getMessage());
      assertEquals(MockCluster.RETRIES + 1, count(h.requests(), "GET", "/version"));
    }

    @Test
    @DisplayName("rejected credentials are their own kind of error")
    void unauthorized() {
      h.cluster.server().clearExpectations();
      h.cluster
          .server()
          .expect()
          .get()
          .withPath("/version")
          .andReturn(401, status(401, "Unauthorized"))
          .always();

      ReleaseException e = assertThrows(ReleaseException.class, () -> h.manager().discover(false));

      assertEquals(ReleaseException.Kind.UNAUTHENTICATED, e.kind());
      assertTrue(
          e.getMessage().contains("rejected the credentials (401 Unauthorized)"), e.getMessage());
    }
  }

  @Nested
  @DisplayName("newClient")
  class NewClient {
    @TempDir Path dir;

    private String kubeconfig() throws IOException {
      Path file = dir.resolve("config");
      Files.writeString(
          file,
          "apiVersion: v1\nkind: Config\nclusters:\n"
              + "- name: mock\n  cluster: {server: '"
              + h.client.getMasterUrl()
              + "'}\ncontexts:\n- name: mock\n  context: {cluster: mock, user: me}\n"
              + "current-context: mock\nusers:\n- name: me\n  user: {token: not-a-secret}\n");
      return file.toString();
    }

    @Test
    @DisplayName("uses the kubeconfig with bounded retries")
    void retries() throws IOException {
      h.cluster.asKubernetes120();
      String previous = System.setProperty("kubeconfig", kubeconfig());
      try (KubernetesClient client = ReleaseManager.newClient("mock")) {
        assertEquals(
            ReleaseManager.CLIENT_RETRIES, client.getConfiguration().getRequestRetryBackoffLimit());
        assertEquals(
            ReleaseManager.CLIENT_RETRY_INTERVAL_MS,
            client.getConfiguration().getRequestRetryBackoffInterval());
        assertEquals(20, new ReleaseManager(client, h.out, "t").discover(false).minor());
      } finally {
        restore(previous);
      }
    }

    @Test
    @DisplayName(
        "bounds connect and read timeouts at 10 s, or at the operation's timeout when shorter")
    void timeouts() throws IOException {
      String previous = System.setProperty("kubeconfig", kubeconfig());
      try (KubernetesClient standard = ReleaseManager.newClient("mock");
          KubernetesClient longer = ReleaseManager.newClient("mock", Duration.ofMinutes(5));
          KubernetesClient shorter = ReleaseManager.newClient("mock", Duration.ofSeconds(3))) {
        for (KubernetesClient client : List.of(standard, longer)) {
          assertEquals(10_000, client.getConfiguration().getConnectionTimeout());
          assertEquals(10_000, client.getConfiguration().getRequestTimeout());
        }
        assertEquals(3_000, shorter.getConfiguration().getConnectionTimeout());
        assertEquals(3_000, shorter.getConfiguration().getRequestTimeout());
      } finally {
        restore(previous);
      }
    }

    @Test
    @DisplayName("refuses a context the kubeconfig does not have, instead of using the current one")
    void unknownContext() throws IOException {
      String previous = System.setProperty("kubeconfig", kubeconfig());
      try {
        ReleaseException e =
            assertThrows(ReleaseException.class, () -> ReleaseManager.newClient("prod"));
        assertEquals(ReleaseException.Kind.BAD_KUBECONFIG, e.kind());
        assertEquals("kubeconfig context \"prod\" not found", e.getMessage());
      } finally {
        restore(previous);
      }
    }

    private void restore(String previous) {
      if (previous == null) {
        System.clearProperty("kubeconfig");
      } else {
        System.setProperty("kubeconfig", previous);
      }
    }
  }
}
