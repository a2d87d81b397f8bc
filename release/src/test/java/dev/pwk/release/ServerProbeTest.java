package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("the probe of the API server's address")
class ServerProbeTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http", "https"})
  @DisplayName("fails on one line when the server accepts the connection but never answers")
  void hung(String scheme) throws IOException {
    // Never accepting: the kernel completes the connection from the backlog, nothing answers.
    try (ServerSocket hung = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      URL url = new URL(scheme + "://127.0.0.1:" + hung.getLocalPort());

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> ServerProbe.check(url, TIMEOUT));

      assertEquals(ReleaseException.Kind.UNREACHABLE, e.kind());
      assertEquals(
          "the Kubernetes API server at "
              + url
              + " accepted the connection but did not answer within 300 ms",
          e.getMessage());
    }
  }

  @Test
  @DisplayName("fails on one line when nothing listens")
  void refused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URL url = new URL("https://127.0.0.1:" + port);

    ReleaseException e =
        assertThrows(ReleaseException.class, () -> ServerProbe.check(url, TIMEOUT));

    assertEquals(ReleaseException.Kind.UNREACHABLE, e.kind());
    assertEquals(
        "cannot reach the Kubernetes API server at " + url + " (Connection refused)",
        e.getMessage());
  }

  @Test
  @DisplayName("passes a server that answers")
  void answers() {
    try (MockCluster cluster = new MockCluster()) {
      ReleaseManager.checkReachable(cluster.client());
    }
  }
}
