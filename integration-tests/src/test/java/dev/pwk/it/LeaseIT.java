package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release lock between two pwk processes that share the host name but not the PID namespace
 * (containers with host networking, pods with {@code hostNetwork}): each runs under {@code unshare
 * --pid --fork --mount-proc}, so both are pid 1 in their own namespace.
 */
@RequiresCluster
@DisplayName("the release lock is a lease: a live holder in another PID namespace keeps it")
class LeaseIT {
  private static final String RELEASE = "worker";

  /** The lock's lease (30 s) and some time for a busy control plane. */
  private static final Duration LAPSE = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  @DisplayName(
      "a pwk that waits for a rollout renews its lock and is not taken over, then or after its"
          + " first lease; once killed, its revision shows as left pending, and after the lease the"
          + " next upgrade takes over")
  void leaseAcrossPidNamespaces(Cluster cluster, TestNamespace ns) throws Exception {
    assumeTrue(
        run(List.of("unshare", "--pid", "--fork", "--mount-proc", "true")) == 0,
        "unshare --pid needs root or user namespaces");
    String values = Manifests.valuesFile("cloud.yaml").toString();
    // The fake kubelet cannot pull from a .invalid registry, so the rollout never completes.
    Process holder =
        pwkInPidNamespace(
            cluster,
            ns,
            "holder",
            "install",
            RELEASE,
            "-f",
            values,
            "--set",
            "worker.image.repository=registry"
                + FakeKubelet.UNPULLABLE_REGISTRY_SUFFIX
                + "/prefect",
            "--wait",
            "--timeout",
            "10m");
    try {
      Instant firstExpiry =
          Instant.parse(
              Poll.until(
                  Duration.ofSeconds(60),
                  "revision 1 pending, held by the first pwk",
                  () -> lockExpiry(cluster, ns),
                  e -> !e.isEmpty()));
      assertRefused(cluster, ns, "other", values);
      Poll.until(
          LAPSE,
          "the holder to renew its lock past its first expiry " + firstExpiry,
          () -> lockExpiry(cluster, ns),
          e -> !e.isEmpty() && Instant.parse(e).isAfter(firstExpiry.plusSeconds(1)));
      Poll.until(
          LAPSE,
          "the clock to pass the holder's first lock expiry " + firstExpiry,
          Instant::now,
          now -> now.isAfter(firstExpiry.plusSeconds(2)));

      assertRefused(cluster, ns, "later", values);
      assertTrue(holder.isAlive(), "the holder still waits for its rollout");

      kill(holder);
      assertTrue(
          PwkCli.run(cluster, ns, "status", RELEASE).out().contains("install in progress"),
          "until the lease lapses the holder may still be alive");
      PwkCli.Run stopped =
          Poll.until(
              LAPSE,
              "status to say the revision was left pending",
              () -> PwkCli.run(cluster, ns, "status", RELEASE),
              r -> r.out().contains("left pending by an operation that stopped"),
              PwkCli.Run::toString);
      assertTrue(stopped.out().contains("STATUS: pending-install"), stopped::toString);

      Process next =
          pwkInPidNamespace(cluster, ns, "next", "upgrade", "--install", RELEASE, "-f", values);
      assertTrue(next.waitFor(60, TimeUnit.SECONDS), "the next pwk finishes");
      String nextErr = Files.readString(dir.resolve("next.err"));
      assertEquals(0, next.exitValue(), nextErr);
      assertTrue(
          nextErr.contains("was left pending-install by a pwk that stopped before it finished"),
          nextErr);
      PwkCli.Run history = PwkCli.run(cluster, ns, "history", RELEASE).assertSucceeded();
      assertTrue(history.out().lines().anyMatch(l -> l.startsWith("1 ") && l.contains("failed")));
      assertTrue(history.out().lines().anyMatch(l -> l.startsWith("2 ") && l.contains("deployed")));
    } finally {
      kill(holder);
    }
  }

  /** Another pwk, in a PID namespace of its own, is refused the release the holder has. */
  private void assertRefused(Cluster cluster, TestNamespace ns, String name, String values)
      throws Exception {
    Process other = pwkInPidNamespace(cluster, ns, name, "upgrade", RELEASE, "-f", values);
    assertTrue(other.waitFor(60, TimeUnit.SECONDS), name + " pwk finishes");
    String err = Files.readString(dir.resolve(name + ".err"));
    assertEquals(1, other.exitValue(), err);
    assertTrue(err.contains("is locked by another pwk operation"), err);
  }

  /** {@code pwk <args>} as its own process, pid 1 of a new PID namespace, output in files. */
  private Process pwkInPidNamespace(Cluster cluster, TestNamespace ns, String name, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(List.of("unshare", "--pid", "--fork", "--mount-proc", "--kill-child"));
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.pwk.cli.Pwk"));
    command.addAll(List.of(args));
    command.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString(), "-n", ns.name()));
    return new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  /** SIGKILL to the process and all it started: nothing of pwk may run after this. */
  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The lock expiry in revision 1's record, or empty while there is none. */
  private static String lockExpiry(Cluster cluster, TestNamespace ns) {
    Secret record =
        cluster
            .client()
            .secrets()
            .inNamespace(ns.name())
            .withName("pwk.release.v1." + RELEASE + ".v1")
            .get();
    if (record == null || record.getData() == null || !record.getData().containsKey("release")) {
      return "";
    }
    byte[] gzipped = Base64.getDecoder().decode(record.getData().get("release"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      JsonNode expires = JSON.readTree(in).path("lock").path("expires");
      return expires.isTextual() ? expires.asText() : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
