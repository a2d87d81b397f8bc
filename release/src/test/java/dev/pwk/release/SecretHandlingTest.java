package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Secrets the worker needs")
class SecretHandlingTest {
  private static final String SECRET_PATH = "/api/v1/namespaces/prefect/secrets/prefect-api-key";
  private Harness h;

  @BeforeEach
  void start() {
    h = new Harness();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  @DisplayName("a missing API key Secret is a warning that names the value setting it")
  void missingApiKey() {
    h.client.secrets().inNamespace("prefect").withName("prefect-api-key").delete();

    ReleaseResult result = h.manager().install(Fixtures.worker().plan());

    assertEquals(ReleaseStatus.DEPLOYED, result.revision().status());
    assertEquals(
        List.of(
            "Secret \"prefect-api-key\" does not exist in namespace \"prefect\", so the worker pods"
                + " will not start until it does (needed by PREFECT_API_KEY in container"
                + " prefect-worker; named by worker.cloudApiConfig.apiKeySecret.name)"),
        h.out.warnings);
  }

  @Test
  @DisplayName("a missing basic-auth Secret is a warning too")
  void missingBasicAuth() {
    h.manager().install(Fixtures.worker().withExistingAuthSecret("prefect-auth").plan());

    assertEquals(
        List.of(
            "Secret \"prefect-auth\" does not exist in namespace \"prefect\", so the worker pods"
                + " will not start until it does (needed by PREFECT_API_AUTH_STRING in container"
                + " prefect-worker; named by"
                + " worker.selfHostedServerApiConfig.basicAuth.existingSecret)"),
        h.out.warnings);
  }

  @Test
  @DisplayName("existence is checked with metadata-only requests, and secret data never shows")
  void neverReadsData() {
    ReleaseManager manager = h.manager();
    manager.install(Fixtures.worker().withBasicAuth(true).plan());
    manager.upgrade(Fixtures.worker().withBasicAuth(true).withTag("next").plan(), false);
    manager.diff(Fixtures.worker().withBasicAuth(true).withExtraToken("tok-other").plan());
    manager.status("demo", "prefect");
    manager.history("demo", "prefect");
    manager.rollback("demo", "prefect", OptionalInt.empty(), ReleaseOptions.defaults());
    manager.uninstall("demo", "prefect", false);

    List<RecordedRequest> secretReads = new ArrayList<>();
    for (RecordedRequest r : h.requests()) {
      String path = r.getPath();
      if (path.startsWith(SECRET_PATH)) {
        secretReads.add(r);
        assertEquals("GET", r.getMethod());
        assertTrue(
            r.getHeader("Accept").contains("as=PartialObjectMetadata"),
            "Accept: " + r.getHeader("Accept"));
      }
      if (path.startsWith("/api/v1/namespaces/prefect/secrets?")) {
        assertTrue(path.contains("labelSelector="), "only pwk's own records are listed: " + path);
        assertTrue(path.contains("pwk.dev%2Frelease%3Ddemo"), path);
      }
    }
    assertEquals(3, secretReads.size(), "install, upgrade and rollback check it once each");
    String encoded =
        Base64.getEncoder().encodeToString(Harness.API_KEY.getBytes(StandardCharsets.UTF_8));
    for (String leak :
        List.of(Harness.API_KEY, encoded, Fixtures.AUTH_STRING, Fixtures.EXTRA_TOKEN)) {
      assertFalse(h.out.all().contains(leak), leak + " was reported");
    }
  }

  @Test
  @DisplayName("when RBAC forbids the check, it warns and carries on")
  void forbidden() {
    h.cluster
        .server()
        .expect()
        .get()
        .withPath(SECRET_PATH)
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("secrets \"prefect-api-key\" is forbidden")
                .build())
        .always();

    ReleaseResult result = h.manager().install(Fixtures.worker().plan());

    assertEquals(ReleaseStatus.DEPLOYED, result.revision().status());
    assertEquals(
        List.of(
            "cannot check whether Secret \"prefect-api-key\" exists in namespace \"prefect\""
                + " (forbidden); make sure it does"),
        h.out.warnings);
  }
}
