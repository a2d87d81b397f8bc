package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pwk.renderer.RenderException;
import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.Renderer;
import dev.pwk.renderer.Rendering;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.testing.ConformanceCase;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@RequiresCluster
@DisplayName("The API server accepts what pwk renders for it")
class ServerConformanceIT {

  /** The API server's words for a name that is not a DNS-1123 name. */
  private static final String NOT_A_NAME = "must consist of lower case alphanumeric characters";

  private static final String PULL_SECRET_WITHOUT_NAME = "omits key field \"name\"";

  /**
   * Render cases whose output Kubernetes refuses. pwk reproduces Helm here, and Helm's output for
   * these values is itself invalid: the test expects the server to reject them, for the stated
   * reason, so that this list cannot go stale silently.
   */
  private static final Map<String, KnownRejection> REJECTED =
      Map.ofEntries(
          Map.entry(
              "sc-name-long-overrides-truncation",
              new KnownRejection(
                  NOT_A_NAME,
                  "the 63-byte cut of fullnameOverride ends in two dashes and Helm trims one: the name"
                      + " ends in '-'")),
          Map.entry(
              "sc-name-multibyte-truncation",
              new KnownRejection(
                  "alphanumeric characters",
                  "the overrides are cut to 63 bytes as Helm cuts them, but é is no object name and"
                      + " ü no label value")),
          Map.entry(
              "sc-raw-null-word",
              new KnownRejection(
                  PULL_SECRET_WITHOUT_NAME,
                  "an image pull secret without a name: a create accepts it with a warning, server-side"
                      + " apply refuses a list item without its key")),
          Map.entry(
              "sc-raw-tag-alone",
              new KnownRejection(
                  PULL_SECRET_WITHOUT_NAME,
                  "a pull secret named \"\" (and a ConfigMap reference without a name): server-side"
                      + " apply refuses a list item without its key")),
          Map.entry(
              "sc-name-uppercase-fullname",
              new KnownRejection(
                  NOT_A_NAME,
                  "fullnameOverride is used verbatim, and My_Worker is no object name")),
          Map.entry(
              "ut-29-pass-arbitrary-initcontainer",
              new KnownRejection(
                  "localhostProfile", "the upstream test's seccomp localhostProfile is absolute")),
          Map.entry(
              "ut-30-render-extraenv-in-sync-base-job",
              new KnownRejection(
                  "duplicate entries for key [name=\"PREFECT_API_KEY\"]",
                  "the test's extra env var repeats the chart's PREFECT_API_KEY; a create would keep"
                      + " both, server-side apply refuses duplicate keys")),
          Map.entry(
              "ut-41-set-extra-volume-mounts",
              new KnownRejection(
                  "volumeMounts",
                  "the upstream test mounts a volume named config that it never declares")),
          Map.entry(
              "ut-74-create-pdb-with",
              KnownRejection.before(
                  1,
                  26,
                  "unhealthyPodEvictionPolicy",
                  "unhealthyPodEvictionPolicy exists from 1.26")),
          Map.entry(
              "sc-pdb-percent-unhealthy-policy",
              KnownRejection.before(
                  1,
                  26,
                  "unhealthyPodEvictionPolicy",
                  "unhealthyPodEvictionPolicy exists from 1.26")),
          Map.entry(
              "sc-raw-name-override-tag-in-fullname",
              new KnownRejection(
                  "alphanumeric characters",
                  "Helm names every object test-!bang, as pwk does: no object name")),
          Map.entry(
              "sc-set-key-into-gap",
              new KnownRejection(
                  "operator must be Exists",
                  "the --set leaves a toleration with an empty key and no Exists operator")));

  /**
   * Why a case's output is refused, and a fragment of the server's message that shows it. Only
   * clusters older than {@code beforeMajor.beforeMinor} refuse it; every cluster when {@code
   * beforeMajor} is {@link Integer#MAX_VALUE}.
   */
  record KnownRejection(String fragment, String reason, int beforeMajor, int beforeMinor) {
    KnownRejection(String fragment, String reason) {
      this(fragment, reason, Integer.MAX_VALUE, 0);
    }

    static KnownRejection before(int major, int minor, String fragment, String reason) {
      return new KnownRejection(fragment, reason, major, minor);
    }

    boolean applies(Cluster cluster) {
      return !cluster.capabilities().atLeast(beforeMajor, beforeMinor);
    }
  }

  @TestFactory
  @DisplayName(
      "every render case of the conformance corpus, rendered for the cluster's version and API"
          + " versions, passes a dry-run server-side apply (or is refused for its known reason)")
  Stream<DynamicTest> everyRenderCaseIsAccepted(Cluster cluster) {
    List<ConformanceCase> cases = ConformanceCase.renderedCases();
    assertFalse(cases.isEmpty(), "no render cases in the corpus");
    List<String> names = cases.stream().map(ConformanceCase::name).toList();
    assertTrue(
        names.containsAll(REJECTED.keySet()),
        "known rejections name cases that are not in the corpus: " + REJECTED.keySet());
    return cases.stream()
        .map(
            c -> {
              KnownRejection known = REJECTED.get(c.name());
              if (known != null && known.applies(cluster)) {
                return dynamicTest(
                    c.name() + " is refused: " + known.reason(),
                    () -> assertRefused(cluster, c, known));
              }
              return dynamicTest(c.name(), () -> assertAccepted(cluster, c));
            });
  }

  private static void assertAccepted(Cluster cluster, ConformanceCase c) {
    try (TestNamespace ns = cluster.newNamespace("conformance")) {
      Map<String, String> refused = dryRunAll(cluster, ns, c);
      assertTrue(
          refused.isEmpty(),
          () ->
              c.name()
                  + " ("
                  + c.description()
                  + "): the API server refused "
                  + String.join("\n", refused.values()));
    }
  }

  private static void assertRefused(Cluster cluster, ConformanceCase c, KnownRejection known) {
    try (TestNamespace ns = cluster.newNamespace("conformance")) {
      Map<String, String> refused = dryRunAll(cluster, ns, c);
      assertFalse(
          refused.isEmpty(),
          c.name()
              + " was expected to be refused ("
              + known.reason()
              + ") but was accepted;"
              + " remove it from REJECTED");
      refused.forEach(
          (object, message) ->
              assertTrue(
                  message.contains(known.fragment()),
                  object
                      + " was refused for another reason than "
                      + known.reason()
                      + ": "
                      + message));
    }
  }

  /** Dry-runs every object of the case's rendering; returns the refused ones with the reason. */
  private static Map<String, String> dryRunAll(
      Cluster cluster, TestNamespace ns, ConformanceCase c) {
    Rendering rendering;
    try {
      rendering =
          Renderer.create()
              .render(
                  ValuesLoader.create().load(c.inputs()),
                  RenderOptions.builder()
                      .releaseName(c.release())
                      .namespace(ns.name())
                      .capabilities(cluster.capabilities())
                      .build());
    } catch (ValuesException | RenderException e) {
      return fail("pwk cannot render " + c.name() + ": " + e.getMessage(), e);
    }
    Map<String, String> refused = new LinkedHashMap<>();
    for (var rendered : rendering.objects()) {
      HasMetadata o = rendered.object();
      ns.ensure(o.getMetadata().getNamespace());
      try {
        Manifests.dryRunApply(cluster, o);
      } catch (KubernetesClientException e) {
        if (!Manifests.isRejection(e)) {
          throw e;
        }
        String id = Manifests.id(o) + " (" + rendered.templateFile() + ")";
        refused.put(id, id + ": " + e.getStatus().getMessage());
      }
    }
    return refused;
  }

  @Nested
  @DisplayName("a broken manifest is rejected, so the check above can fail")
  class BrokenManifests {

    @Test
    @DisplayName("a Deployment whose selector does not match its pod labels (422)")
    void selectorNotMatchingPodLabels(Cluster cluster, TestNamespace ns) {
      Deployment valid = renderedDeployment(cluster, ns);
      Deployment broken =
          new DeploymentBuilder(valid)
              .editSpec()
              .editTemplate()
              .editMetadata()
              .addToLabels("app.kubernetes.io/instance", "someone-else")
              .endMetadata()
              .endTemplate()
              .endSpec()
              .build();

      Manifests.dryRunApply(cluster, valid);
      KubernetesClientException e = assertRejected(cluster, broken);
      assertEquals(422, e.getCode(), e.getMessage());
      assertTrue(e.getMessage().contains("selector"), e.getMessage());
    }

    @Test
    @DisplayName("a Deployment whose container args are numbers, not strings")
    void nonStringContainerArgs(Cluster cluster, TestNamespace ns) {
      Deployment valid = renderedDeployment(cluster, ns);
      GenericKubernetesResource broken =
          edited(cluster, valid, container -> container.put("args", List.of(1, 2)));

      Manifests.dryRunApply(cluster, valid);
      KubernetesClientException e = assertRejected(cluster, broken);
      assertTrue(e.getMessage().contains("args"), e.getMessage());
    }

    @Test
    @DisplayName("a Deployment with a field Kubernetes does not know")
    void unknownField(Cluster cluster, TestNamespace ns) {
      Deployment valid = renderedDeployment(cluster, ns);
      GenericKubernetesResource broken =
          edited(cluster, valid, container -> container.put("imagePullPolicyy", "Always"));

      Manifests.dryRunApply(cluster, valid);
      KubernetesClientException e = assertRejected(cluster, broken);
      assertTrue(e.getMessage().contains("imagePullPolicyy"), e.getMessage());
    }

    private Deployment renderedDeployment(Cluster cluster, TestNamespace ns) {
      return Manifests.render(cluster, "broken", ns.name(), Manifests.values("cloud.yaml"))
          .find(Deployment.class)
          .orElseThrow();
    }

    /** The Deployment as plain maps, its first container changed by {@code edit}. */
    @SuppressWarnings("unchecked")
    private GenericKubernetesResource edited(
        Cluster cluster, Deployment valid, Consumer<Map<String, Object>> edit) {
      var serialization = cluster.client().getKubernetesSerialization();
      GenericKubernetesResource generic =
          serialization.unmarshal(serialization.asJson(valid), GenericKubernetesResource.class);
      Map<String, Object> spec =
          (Map<String, Object>) generic.getAdditionalProperties().get("spec");
      Map<String, Object> podSpec =
          (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
      edit.accept(((List<Map<String, Object>>) podSpec.get("containers")).get(0));
      assertNotEquals(
          serialization.asJson(valid), serialization.asJson(generic), "the edit changed nothing");
      return generic;
    }

    private KubernetesClientException assertRejected(Cluster cluster, HasMetadata broken) {
      try {
        Manifests.dryRunApply(cluster, broken);
      } catch (KubernetesClientException e) {
        assertTrue(
            Manifests.isRejection(e),
            "expected the API server to reject the object as invalid, got: " + e.getMessage());
        return e;
      }
      return fail("the API server accepted a broken " + Manifests.id(broken));
    }
  }
}
