package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The secrets of {@code values/secrets.yaml} (one per value that can carry a secret) never show in
 * what a release command prints, nor in any field of the release records but the manifest that a
 * rollback applies again.
 */
@RequiresCluster
@DisplayName("no release command prints a secret value, and records keep one only in the manifest")
class SecretsIT {
  private static final String RELEASE = "worker";
  private static final String RECORD_TYPE = "pwk.dev/release.v1";
  private static final String AUTH_STRING = "admin:pwk-secret-auth-string";
  private static final String CHANGED_AUTH_STRING = "admin:pwk-secret-auth-string-2";

  /** Every secret value the fixtures and the commands below set. */
  private static final List<String> SECRETS =
      List.of(
          AUTH_STRING,
          CHANGED_AUTH_STRING,
          "pwk-secret-db-password",
          "pwk-secret-sync-token",
          "pwk-secret-init-api-key",
          "pwk-secret-sidecar-secret",
          "pwk-secret-nameless-env");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName(
      "install, upgrade, diff, dry runs, status, history, rollback, a failed upgrade and uninstall")
  void everyCommand(Cluster cluster, TestNamespace ns) {
    String values = Manifests.valuesFile("secrets.yaml").toString();
    String nameless = Manifests.valuesFile("secrets-nameless-env.yaml").toString();
    String changed = "worker.selfHostedServerApiConfig.basicAuth.authString=" + CHANGED_AUTH_STRING;
    List<PwkCli.Run> runs = new ArrayList<>();

    runs.add(PwkCli.run(cluster, ns, "install", RELEASE, "-f", values, "--dry-run"));
    runs.add(PwkCli.run(cluster, ns, "install", RELEASE, "-f", values, "--dry-run=server"));
    runs.add(PwkCli.run(cluster, ns, "install", RELEASE, "-f", values).assertSucceeded());
    runs.add(PwkCli.run(cluster, ns, "diff", RELEASE, "-f", values, "--set", changed));
    runs.add(PwkCli.run(cluster, ns, "upgrade", RELEASE, "-f", values, "--set", changed));
    runs.add(PwkCli.run(cluster, ns, "status", RELEASE));
    runs.add(PwkCli.run(cluster, ns, "history", RELEASE));
    runs.add(PwkCli.run(cluster, ns, "rollback", RELEASE));
    PwkCli.Run failed = PwkCli.run(cluster, ns, "upgrade", RELEASE, "-f", values, "-f", nameless);
    runs.add(failed);
    runs.add(PwkCli.run(cluster, ns, "history", RELEASE));
    runs.add(PwkCli.run(cluster, ns, "diff", RELEASE, "-f", values, "-f", nameless));

    assertEquals(1, failed.exitCode(), () -> "the API server rejects a nameless env: " + failed);
    List<Executable> checks = new ArrayList<>();
    for (PwkCli.Run run : runs) {
      for (String secret : SECRETS) {
        checks.add(
            () -> assertFalse((run.out() + run.err()).contains(secret), secret + " in " + run));
      }
    }
    List<Secret> records = records(cluster, ns);
    assertEquals(4, records.size(), "install, upgrade, rollback and the failed upgrade");
    boolean manifestHasAuthString = false;
    for (Secret record : records) {
      ObjectNode payload = decode(record);
      String manifest = payload.remove("manifest").asText();
      manifestHasAuthString |= manifest.contains(AUTH_STRING);
      String rest = payload + " " + record.getMetadata();
      for (String secret : SECRETS) {
        checks.add(
            () ->
                assertFalse(
                    rest.contains(secret),
                    secret + " in record " + record.getMetadata().getName() + ": " + rest));
      }
    }
    assertTrue(manifestHasAuthString, "the manifest keeps what was applied, for a rollback");
    assertAll(checks);

    PwkCli.Run uninstall = PwkCli.run(cluster, ns, "uninstall", RELEASE).assertSucceeded();
    for (String secret : SECRETS) {
      assertFalse((uninstall.out() + uninstall.err()).contains(secret), uninstall::toString);
    }
  }

  private static List<Secret> records(Cluster cluster, TestNamespace ns) {
    return cluster
        .client()
        .secrets()
        .inNamespace(ns.name())
        .withLabels(Map.of("pwk.dev/release", RELEASE))
        .list()
        .getItems()
        .stream()
        .filter(s -> RECORD_TYPE.equals(s.getType()))
        .toList();
  }

  /** The record's payload: base64 of gzipped JSON in data key {@code release}. */
  private static ObjectNode decode(Secret record) {
    byte[] gzipped = Base64.getDecoder().decode(record.getData().get("release"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
