package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.cli.Pwk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An upgrade that loses the API server half-way: pwk talks to the real API server through a TCP
 * relay, which the test shuts (every connection closed, the port refusing new ones) as soon as pwk
 * starts applying the Deployment, as when the API server dies.
 */
@RequiresCluster
@DisplayName("an upgrade that loses the API server half-way")
class ServerLossIT {
  private static final String RELEASE = "worker";
  private static final Duration LAPSE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  @DisplayName(
      "says the revision was left pending and what to do next, exit 2; the next upgrade takes"
          + " over once the lock lapses")
  void leftPending(Cluster cluster, TestNamespace ns) throws Exception {
    String values = Manifests.valuesFile("cloud.yaml").toString();
    PwkCli.run(cluster, ns, "install", RELEASE, "-f", values).assertSucceeded();

    try (Relay relay = new Relay(URI.create(cluster.client().getMasterUrl().toString()))) {
      Path kubeconfig = dir.resolve("via-relay");
      Files.writeString(
          kubeconfig,
          Files.readString(cluster.kubeconfig())
              .replaceAll("server: *\\S+", "server: https://127.0.0.1:" + relay.port()));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Writer watch =
          new Writer() {
            @Override
            public void write(char[] text, int from, int length) {
              err.write(text, from, length);
              if (err.toString().contains("applying Deployment ")) {
                relay.close();
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      CommandLine pwk = Pwk.newCommandLine();
      pwk.setOut(new PrintWriter(out, true));
      pwk.setErr(new PrintWriter(watch, true));

      int code =
          pwk.execute(
              "upgrade",
              RELEASE,
              "-f",
              values,
              "--set",
              "worker.replicaCount=2",
              "--kubeconfig",
              kubeconfig.toString(),
              "-n",
              ns.name());

      String message = err.toString().lines().reduce((a, b) -> b).orElse("");
      assertEquals(2, code, err::toString);
      assertTrue(message.startsWith("pwk: cannot reach the Kubernetes API server at "), message);
      assertTrue(
          message.contains(
              "; revision 2 of release "
                  + RELEASE
                  + " is left pending-upgrade: when the API server answers again, run the upgrade"
                  + " again after "),
          message);
      assertTrue(message.endsWith(", when its lock lapses, and see `pwk status worker`"), message);
    }

    PwkCli.Run status = PwkCli.run(cluster, ns, "status", RELEASE).assertSucceeded();
    assertTrue(status.out().contains("STATUS: pending-upgrade"), status::toString);
    PwkCli.Run next =
        Poll.until(
            LAPSE,
            "an upgrade that takes over once the lock lapses",
            () -> PwkCli.run(cluster, ns, "upgrade", RELEASE, "-f", values),
            r -> r.exitCode() == 0,
            PwkCli.Run::toString);
    assertTrue(
        next.err().contains("was left pending-upgrade by a pwk that stopped before it finished"),
        next::toString);
  }

  /** Forwards TCP connections from a local port to the API server until closed. */
  private static final class Relay implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    Relay(URI target) throws IOException {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accept =
          new Thread(
              () -> {
                while (!listener.isClosed()) {
                  try {
                    Socket client = listener.accept();
                    Socket server = new Socket(target.getHost(), target.getPort());
                    sockets.add(client);
                    sockets.add(server);
                    pump(client, server);
                    pump(server, client);
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "relay-accept");
      accept.setDaemon(true);
      accept.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private void pump(Socket from, Socket to) {
      Thread t =
          new Thread(
              () -> {
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  in.transferTo(out);
                } catch (IOException e) {
                  // the relay was closed, or a side hung up
                }
              },
              "relay-pump");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() {
      try {
        listener.close();
      } catch (IOException e) {
        // already closed
      }
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          // already closed
        }
      }
    }
  }
}
