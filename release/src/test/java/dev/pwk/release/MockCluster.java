package dev.pwk.release;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fabric8 mock API server on 127.0.0.1 in CRUD mode with {@link ApiServerEmulator}, and a client
 * for it that retries quickly (1 ms backoff, 3 retries).
 */
final class MockCluster implements AutoCloseable {
  static final int RETRIES = 3;

  /** Held so that the level sticks: the mock server logs every request at INFO. */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(Level.WARNING);
  }

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  MockCluster() {
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new ApiServerEmulator(expectations),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient base = server.createClient()) {
      client =
          new KubernetesClientBuilder()
              .withConfig(
                  new ConfigBuilder(base.getConfiguration())
                      .withRequestRetryBackoffInterval(1)
                      .withRequestRetryBackoffLimit(RETRIES)
                      .build())
              .build();
    }
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName("prefect").endMetadata().build())
        .create();
  }

  KubernetesMockServer server() {
    return server;
  }

  KubernetesClient client() {
    return client;
  }

  /** Serves {@code /version} and {@code /apis} like a Kubernetes 1.20 API server. */
  MockCluster asKubernetes120() {
    try {
      server.setVersionInfo(
          new VersionInfo.Builder()
              .withMajor("1")
              .withMinor("20+")
              .withGitVersion("v1.20.2")
              .withBuildDate("2021-01-13T13:20:00Z")
              .build());
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
    server
        .expect()
        .get()
        .withPath("/apis")
        .andReturn(
            200,
            new APIGroupListBuilder()
                .addToGroups(group("apps", "v1"))
                .addToGroups(group("autoscaling", "v1", "v2beta1", "v2beta2"))
                .addToGroups(group("policy", "v1beta1"))
                .addToGroups(group("rbac.authorization.k8s.io", "v1", "v1beta1"))
                .build())
        .always();
    return this;
  }

  private static io.fabric8.kubernetes.api.model.APIGroup group(String name, String... versions) {
    APIGroupBuilder b = new APIGroupBuilder().withName(name);
    for (String v : versions) {
      b.addNewVersion().withGroupVersion(name + "/" + v).withVersion(v).endVersion();
    }
    return b.build();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
