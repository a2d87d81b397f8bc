package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("install and upgrade")
class InstallUpgradeTest {
  private static final String DEPLOYMENT_PATH =
      "/apis/apps/v1/namespaces/prefect/deployments/prefect-worker";
  private Harness h;

  @BeforeEach
  void start() {
    h = new Harness();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static ObjectRef ref(String apiVersion, String kind) {
    return new ObjectRef(apiVersion, kind, Fixtures.NAMESPACE, Fixtures.FULLNAME);
  }

  @Nested
  @DisplayName("install")
  class Install {
    @Test
    @DisplayName(
        "applies every object, annotated with its owner, and records revision 1 as deployed")
    void installs() {
      ReleaseResult result = h.manager().install(Fixtures.worker().plan());

      assertEquals(1, result.revision().revision());
      assertEquals(ReleaseStatus.DEPLOYED, result.revision().status());
      assertEquals("Install complete", result.revision().description());
      assertEquals(
          List.of(
              ref("v1", "ServiceAccount"),
              ref("rbac.authorization.k8s.io/v1", "Role"),
              ref("rbac.authorization.k8s.io/v1", "RoleBinding"),
              ref("apps/v1", "Deployment")),
          result.applied());
      Deployment live = h.deployment();
      assertEquals("prefect/demo", live.getMetadata().getAnnotations().get("pwk.dev/release"));
      assertEquals("Helm", live.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
      assertEquals(ReleaseStatus.DEPLOYED, h.record(1).releaseStatus());
      assertTrue(h.out.infos.contains("install of release demo in namespace prefect: revision 1"));
    }

    @Test
    @DisplayName("uses server-side apply with the field manager pwk")
    void fieldManager() {
      h.manager().install(Fixtures.worker().plan());

      boolean sawApply = false;
      for (RecordedRequest request : h.requests()) {
        if (request.getPath().startsWith(DEPLOYMENT_PATH) && "PATCH".equals(request.getMethod())) {
          sawApply = true;
          assertTrue(request.getPath().contains("fieldManager=pwk"), request.getPath());
          assertTrue(request.getPath().contains("force=true"), request.getPath());
          assertTrue(request.getHeader("Content-Type").startsWith("application/apply-patch+yaml"));
        }
      }
      assertTrue(sawApply);
    }

    @Test
    @DisplayName("leaves the plan's objects as they were")
    void doesNotMutateThePlan() {
      ReleasePlan plan = Fixtures.worker().plan();
      h.manager().install(plan);

      for (HasMetadata o : plan.objects()) {
        Map<String, String> annotations = o.getMetadata().getAnnotations();
        assertTrue(annotations == null || !annotations.containsKey("pwk.dev/release"));
      }
    }

    @Test
    @DisplayName("refuses a release that already exists and suggests upgrade")
    void existing() {
      h.manager().install(Fixtures.worker().plan());

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager().install(Fixtures.worker().plan()));
      assertEquals(ReleaseException.Kind.ALREADY_EXISTS, e.kind());
      assertEquals(
          "release demo already exists in namespace prefect (revision 1, deployed); use `pwk"
              + " upgrade demo` to change it",
          e.getMessage());
    }

    @Test
    @DisplayName("refuses to take over an object pwk did not create, before recording anything")
    void foreignObject() {
      h.client.resource(Fixtures.worker().objects().get(3)).create();

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager().install(Fixtures.worker().plan()));
      assertEquals(
          "Deployment prefect/prefect-worker already exists and was not created by pwk release"
              + " prefect/demo; delete it, or adopt it by annotating it with"
              + " pwk.dev/release=prefect/demo",
          e.getMessage());
      assertNull(h.recordSecret(1));
    }

    @Test
    @DisplayName("refuses an object that belongs to another release")
    void otherRelease() {
      Deployment other =
          new DeploymentBuilder((Deployment) Fixtures.worker().objects().get(3))
              .editMetadata()
              .addToAnnotations("pwk.dev/release", "prefect/other")
              .endMetadata()
              .build();
      h.client.resource(other).create();

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager().install(Fixtures.worker().plan()));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Deployment prefect/prefect-worker belongs to pwk release prefect/other;"),
          e.getMessage());
    }

    @Test
    @DisplayName(
        "names the Helm release that owns an object, and points a release of the same name to the"
            + " migration guide")
    void helmRelease() {
      h.client.resource(helmOwned("demo")).create();

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager().install(Fixtures.worker().plan()));

      assertEquals(
          "Deployment prefect/prefect-worker belongs to Helm release prefect/demo; to move that"
              + " release to pwk, follow \"Taking over a worker installed with Helm\" in"
              + " docs/guide/migrating-from-helm.md, which annotates its objects with"
              + " pwk.dev/release=prefect/demo",
          e.getMessage());
      assertNull(h.recordSecret(1));
    }

    @Test
    @DisplayName("never advises adopting the objects of a Helm release of another name")
    void otherHelmRelease() {
      h.client.resource(helmOwned("other")).create();

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager().install(Fixtures.worker().plan()));

      assertEquals(
          "Deployment prefect/prefect-worker belongs to Helm release prefect/other; give this"
              + " release other object names (e.g. fullnameOverride), or move that release to pwk"
              + " under its own name (docs/guide/migrating-from-helm.md)",
          e.getMessage());
      assertFalse(e.getMessage().contains("annotat"), e.getMessage());
    }

    /** The worker Deployment as Helm 3 leaves it: its release in Helm's annotations. */
    private Deployment helmOwned(String release) {
      return new DeploymentBuilder((Deployment) Fixtures.worker().objects().get(3))
          .editMetadata()
          .addToAnnotations("meta.helm.sh/release-name", release)
          .addToAnnotations("meta.helm.sh/release-namespace", "prefect")
          .endMetadata()
          .build();
    }

    @Test
    @DisplayName("fails on a missing namespace unless asked to create it")
    void namespace() {
      h.client.namespaces().withName(Fixtures.NAMESPACE).delete();

      ReleaseException e =
          assertThrows(ReleaseException.class, () -> h.manager().install(Fixtures.worker().plan()));
      assertEquals(
          "namespace prefect does not exist; create it or pass --create-namespace", e.getMessage());

      h.manager()
          .install(
              Fixtures.worker()
                  .withOptions(ReleaseOptions.defaults().withCreateNamespace(true))
                  .plan());
      assertNotNull(h.client.namespaces().withName(Fixtures.NAMESPACE).get());
      assertTrue(h.out.infos.contains("created namespace prefect"));
    }

    @Test
    @DisplayName("as a client dry run reads but changes nothing")
    void clientDryRun() {
      ReleaseResult result =
          h.manager()
              .install(
                  Fixtures.worker()
                      .withOptions(
                          ReleaseOptions.defaults().withDryRun(ReleaseOptions.DryRun.CLIENT))
                      .plan());

      assertEquals(ReleaseOptions.DryRun.CLIENT, result.dryRun());
      assertEquals(1, result.revision().revision());
      assertEquals(4, result.applied().size());
      assertNull(h.deployment());
      assertNull(h.recordSecret(1));
    }

    @Test
    @DisplayName("as a server dry run sends dry-run applies and changes nothing")
    void serverDryRun() {
      h.manager()
          .install(
              Fixtures.worker()
                  .withOptions(ReleaseOptions.defaults().withDryRun(ReleaseOptions.DryRun.SERVER))
                  .plan());

      assertNull(h.deployment());
      assertNull(h.recordSecret(1));
      int dryRuns = 0;
      for (RecordedRequest request : h.requests()) {
        if ("PATCH".equals(request.getMethod())) {
          assertTrue(request.getPath().contains("dryRun=All"), request.getPath());
          dryRuns++;
        }
      }
      assertEquals(4, dryRuns);
    }
  }

  @Nested
  @DisplayName("the release record")
  class Record {
    @Test
    @DisplayName("is a pwk.dev/release.v1 Secret with labels and a gzipped JSON payload")
    void format() {
      h.manager().install(Fixtures.worker().plan());

      Secret secret = h.recordSecret(1);
      assertEquals("pwk.dev/release.v1", secret.getType());
      assertEquals(
          Map.of(
              "app.kubernetes.io/managed-by", "pwk",
              "pwk.dev/release", "demo",
              "pwk.dev/revision", "1",
              "pwk.dev/status", "deployed"),
          secret.getMetadata().getLabels());
      assertEquals(List.of("release"), List.copyOf(secret.getData().keySet()));

      ReleaseRecord r = h.record(1);
      assertEquals("demo", r.name());
      assertEquals("prefect", r.namespace());
      assertEquals(1, r.revision());
      assertEquals(Fixtures.CHART, r.chart());
      assertEquals(Fixtures.TOOL_VERSION, r.toolVersion());
      assertEquals("2026-11-25T12:00:00Z", r.started());
      assertNull(r.lock());
      assertEquals(4, r.objects().size());
      assertTrue(r.manifest().contains("kind: \"Deployment\""), r.manifest());
      assertTrue(r.manifest().contains("pwk.dev/release: \"prefect/demo\""), r.manifest());
    }

    @Test
    @DisplayName("keeps the values with secret-looking values redacted, but the names of Secrets")
    void redactsValues() {
      h.manager().install(Fixtures.worker().withBasicAuth(true).plan());

      ReleaseRecord r = h.record(1);
      var basicAuth = r.values().path("worker").path("selfHostedServerApiConfig").path("basicAuth");
      assertEquals("<redacted>", basicAuth.path("authString").asText());
      assertEquals("", basicAuth.path("existingSecret").asText());
      assertEquals(
          "prefect-api-key",
          r.values()
              .path("worker")
              .path("cloudApiConfig")
              .path("apiKeySecret")
              .path("name")
              .asText());
      assertEquals(
          "secretRef",
          r.values().path("worker").path("cloudApiConfig").path("jobApiKeyPropagation").asText());
      assertEquals(
          "<redacted>",
          r.values().path("worker").path("extraEnvVars").path(0).path("value").asText());
      assertEquals(
          "acc", r.values().path("worker").path("cloudApiConfig").path("accountId").asText());
      String payload = h.client.getKubernetesSerialization().asJson(r.values());
      assertFalse(payload.contains(Fixtures.AUTH_STRING));
      assertFalse(payload.contains(Fixtures.EXTRA_TOKEN));
    }
  }

  @Nested
  @DisplayName("upgrade")
  class Upgrade {
    @Test
    @DisplayName(
        "records a new revision, supersedes the old one and deletes the HPA that autoscaling off"
            + " drops")
    void prunes() {
      h.manager().install(Fixtures.worker().withAutoscaling(true).plan());
      assertTrue(h.hasHpa());

      ReleaseResult result =
          h.manager()
              .upgrade(Fixtures.worker().withTag("3.9.0-python3.11-kubernetes").plan(), false);

      assertEquals(2, result.revision().revision());
      assertEquals("Upgrade complete", result.revision().description());
      assertEquals(
          List.of(ref("autoscaling/v2beta2", "HorizontalPodAutoscaler")), result.deleted());
      assertFalse(h.hasHpa());
      assertEquals(
          "prefecthq/prefect:3.9.0-python3.11-kubernetes",
          h.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
      assertEquals(1, h.deployment().getSpec().getReplicas());
      assertEquals(ReleaseStatus.SUPERSEDED, h.record(1).releaseStatus());
      assertEquals(ReleaseStatus.DEPLOYED, h.record(2).releaseStatus());
      assertEquals("superseded", h.recordSecret(1).getMetadata().getLabels().get("pwk.dev/status"));
    }

    @Test
    @DisplayName("adds the HPA that autoscaling on brings")
    void addsHpa() {
      h.manager().install(Fixtures.worker().plan());

      ReleaseResult result =
          h.manager().upgrade(Fixtures.worker().withAutoscaling(true).plan(), false);

      assertTrue(result.applied().contains(ref("autoscaling/v2beta2", "HorizontalPodAutoscaler")));
      assertTrue(h.hasHpa());
    }

    @Test
    @DisplayName("of a missing release fails, unless it may install")
    void missing() {
      ReleaseException e =
          assertThrows(
              ReleaseException.class, () -> h.manager().upgrade(Fixtures.worker().plan(), false));
      assertEquals(
          "release demo not found in namespace prefect; use `pwk install` or `pwk upgrade"
              + " --install`",
          e.getMessage());

      ReleaseResult result = h.manager().upgrade(Fixtures.worker().plan(), true);
      assertEquals(1, result.revision().revision());
      assertEquals("Install complete", result.revision().description());
    }

    @Test
    @DisplayName("that fails records a failed revision and leaves the previous one deployed")
    void failure() {
      h.manager().install(Fixtures.worker().withAutoscaling(true).plan());
      h.cluster
          .server()
          .expect()
          .patch()
          .withPath(DEPLOYMENT_PATH + "?fieldManager=pwk&force=true")
          .andReturn(
              422,
              new StatusBuilder()
                  .withStatus("Failure")
                  .withCode(422)
                  .withReason("Invalid")
                  .withMessage(
                      "Deployment.apps \"prefect-worker\" is invalid:"
                          + " spec.template.metadata.labels: Invalid value: map[string]string{}:"
                          + " `selector` does not match template `labels`")
                  .build())
          .once();

      ReleaseException e =
          assertThrows(
              ReleaseException.class,
              () -> h.manager().upgrade(Fixtures.worker().withTag("bad").plan(), false));

      assertEquals(ReleaseException.Kind.REJECTED, e.kind());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "applying Deployment prefect/prefect-worker was rejected by the API server:"
                      + " Deployment.apps \"prefect-worker\" is invalid:"),
          e.getMessage());
      assertEquals(ReleaseStatus.FAILED, h.record(2).releaseStatus());
      assertEquals(e.getMessage(), h.record(2).description());
      assertEquals(ReleaseStatus.DEPLOYED, h.record(1).releaseStatus());
      assertTrue(h.hasHpa(), "nothing was pruned");

      ReleaseResult retry = h.manager().upgrade(Fixtures.worker().plan(), false);
      assertEquals(3, retry.revision().revision());
      assertFalse(h.hasHpa());
      assertEquals(ReleaseStatus.SUPERSEDED, h.record(1).releaseStatus());
      assertEquals(ReleaseStatus.FAILED, h.record(2).releaseStatus());
    }

    @Test
    @DisplayName("keeps an object it would prune when another owner has taken it")
    void keepsForeign() {
      h.manager().install(Fixtures.worker().withAutoscaling(true).plan());
      var hpa =
          h.client
              .autoscaling()
              .v2beta2()
              .horizontalPodAutoscalers()
              .inNamespace(Fixtures.NAMESPACE)
              .withName(Fixtures.FULLNAME)
              .get();
      hpa.getMetadata().getAnnotations().put("pwk.dev/release", "prefect/other");
      h.client.resource(hpa).update();

      ReleaseResult result = h.manager().upgrade(Fixtures.worker().plan(), false);

      assertEquals(List.of(), result.deleted());
      assertTrue(h.hasHpa());
      assertTrue(
          h.out.warnings.contains(
              "kept HorizontalPodAutoscaler prefect/prefect-worker: it no longer belongs to this"
                  + " release"),
          h.out.warnings.toString());
    }

    @Test
    @DisplayName("keeps at most historyMax records, dropping the oldest")
    void historyMax() {
      ReleaseOptions keepThree = ReleaseOptions.defaults().withHistoryMax(3);
      h.manager().install(Fixtures.worker().withOptions(keepThree).plan());
      for (int i = 0; i < 4; i++) {
        h.manager()
            .upgrade(Fixtures.worker().withTag("t" + i).withOptions(keepThree).plan(), false);
      }

      List<Integer> kept =
          h.manager().history("demo", "prefect").stream().map(Revision::revision).toList();
      assertEquals(List.of(3, 4, 5), kept);
    }

    @Test
    @DisplayName("does not touch objects outside the release")
    void unrelated() {
      h.client
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("unrelated")
                  .withNamespace(Fixtures.NAMESPACE)
                  .endMetadata()
                  .addToData("a", "b")
                  .build())
          .create();
      h.manager().install(Fixtures.worker().withAutoscaling(true).plan());
      h.manager().upgrade(Fixtures.worker().plan(), false);

      assertNotNull(
          h.client.configMaps().inNamespace(Fixtures.NAMESPACE).withName("unrelated").get());
    }
  }
}
