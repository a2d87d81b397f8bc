package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.cli.Pwk;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the release commands say when the release, its objects or the server are not as hoped. */
@RequiresCluster
@DisplayName("release commands fail clean, on one line, with the right exit code")
class ReleaseErrorsIT {
  private static final String RELEASE = "worker";
  private static final String FULLNAME = "prefect-worker";

  private static String values() {
    return Manifests.valuesFile("cloud.yaml").toString();
  }

  @Test
  @DisplayName("history of an unknown release: exit 1, 'not found', and no header")
  void historyUnknown(Cluster cluster, TestNamespace ns) {
    PwkCli.Run run = PwkCli.run(cluster, ns, "history", "nosuch");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals("", run.out(), run::toString);
    assertEquals(
        "pwk: release nosuch not found in namespace " + ns.name(),
        run.err().strip(),
        run::toString);
  }

  @Test
  @DisplayName("status after uninstall --keep-history says 'missing' once per object")
  void statusOfUninstalled(Cluster cluster, TestNamespace ns) {
    PwkCli.run(cluster, ns, "install", RELEASE, "-f", values()).assertSucceeded();
    PwkCli.run(cluster, ns, "uninstall", RELEASE, "--keep-history").assertSucceeded();

    PwkCli.Run status = PwkCli.run(cluster, ns, "status", RELEASE).assertSucceeded();

    assertTrue(status.out().contains("STATUS: uninstalled"), status::toString);
    assertTrue(
        status.out().lines().filter(l -> l.startsWith("  ")).allMatch(l -> l.endsWith("  missing")),
        status::toString);
    assertFalse(status.out().contains("missing  missing"), status::toString);
  }

  @Nested
  @DisplayName("an object of a Helm release")
  class HelmOwned {
    private void helmServiceAccount(Cluster cluster, TestNamespace ns, String helmRelease) {
      cluster
          .client()
          .resource(
              new ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName(FULLNAME)
                  .withNamespace(ns.name())
                  .addToLabels("app.kubernetes.io/managed-by", "Helm")
                  .addToAnnotations("meta.helm.sh/release-name", helmRelease)
                  .addToAnnotations("meta.helm.sh/release-namespace", ns.name())
                  .endMetadata()
                  .build())
          .create();
    }

    @Test
    @DisplayName("of the same name: names it and points to the migration guide")
    void sameName(Cluster cluster, TestNamespace ns) {
      helmServiceAccount(cluster, ns, RELEASE);

      PwkCli.Run run = PwkCli.run(cluster, ns, "install", RELEASE, "-f", values());

      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(
          run.err()
              .contains(
                  "pwk: ServiceAccount "
                      + ns.name()
                      + "/"
                      + FULLNAME
                      + " belongs to Helm release "
                      + ns.name()
                      + "/"
                      + RELEASE
                      + "; to move that release to pwk, follow \"Taking over a worker installed"
                      + " with Helm\" in docs/guide/migrating-from-helm.md"),
          run::toString);
    }

    @Test
    @DisplayName("of another name: names it and never advises adopting its objects")
    void otherName(Cluster cluster, TestNamespace ns) {
      helmServiceAccount(cluster, ns, "legacy");

      PwkCli.Run run = PwkCli.run(cluster, ns, "install", RELEASE, "-f", values());

      assertEquals(1, run.exitCode(), run::toString);
      assertTrue(
          run.err().contains("belongs to Helm release " + ns.name() + "/legacy;"), run::toString);
      assertFalse(run.err().contains("annotat"), run::toString);
    }
  }

  @Test
  @DisplayName(
      "a server that accepts connections and never answers fails within the 10 s timeout, or a"
          + " shorter --timeout, on one line, exit 2")
  void hungServer(@TempDir Path dir) throws Exception {
    try (ServerSocket hung = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String server = "https://127.0.0.1:" + hung.getLocalPort();
      Path kubeconfig = dir.resolve("hung");
      Files.writeString(
          kubeconfig,
          "apiVersion: v1\nkind: Config\nclusters:\n- name: hung\n  cluster: {server: '"
              + server
              + "', insecure-skip-tls-verify: true}\ncontexts:\n- name: hung\n"
              + "  context: {cluster: hung, user: me}\ncurrent-context: hung\n"
              + "users:\n- name: me\n  user: {token: not-a-secret}\n");
      String k = kubeconfig.toString();

      assertHung(server, "10 s", "status", RELEASE, "--kubeconfig", k);
      assertHung(
          server, "2 s", "upgrade", RELEASE, "-f", values(), "--timeout", "2s", "--kubeconfig", k);
    }
  }

  private static void assertHung(String server, String within, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine pwk = Pwk.newCommandLine();
    pwk.setOut(new PrintWriter(out, true));
    pwk.setErr(new PrintWriter(err, true));

    int code = pwk.execute(args);

    assertEquals(2, code, err::toString);
    assertEquals(
        "pwk: the Kubernetes API server at "
            + server
            + "/ accepted the connection but did not answer within "
            + within,
        err.toString().strip());
  }
}
