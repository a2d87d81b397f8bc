package dev.pwk.values;

import static dev.pwk.values.JsonTrees.assertJson;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.testing.ConformanceCase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus case loads, and the merge-centric cases give the values Helm must have seen to print
 * the case's expected output (derived by hand from each expected.yaml or expected-error.txt).
 */
@DisplayName("the conformance corpus loads with Helm's merged values")
class ConformanceLoadTest {
  private static final ValuesLoader LOADER = ValuesLoader.create();
  private static JsonNode defaults;

  @BeforeAll
  static void loadDefaults() throws ValuesException {
    defaults = LOADER.load(ValueInputs.none()).tree();
  }

  static Stream<ConformanceCase> allCases() {
    return ConformanceCase.all().stream();
  }

  @Test
  @DisplayName("the corpus is the one the README describes: 214 cases, 168 render, 46 error")
  void corpusSize() {
    assertEquals(214, ConformanceCase.all().size());
    assertEquals(168, ConformanceCase.renderCases().size());
    assertEquals(46, ConformanceCase.errorCases().size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  @DisplayName("every case loads without a ValuesException, but those Helm cannot read")
  void loads(ConformanceCase c) throws ValuesException {
    if (c.unreadableInput()) {
      assertThrows(ValuesException.class, () -> LOADER.load(c.inputs()));
      return;
    }
    LoadedValues v = LOADER.load(c.inputs());
    assertTrue(v.tree().isObject());
    // Helm logs coalesce warnings only where the case's stderr shows them.
    boolean helmWarns =
        !c.expectRender()
            && (c.expectedError().contains("cannot overwrite table with non table")
                || c.expectedError().contains("is a table. Ignoring non-table value"));
    if (!c.expectRender()) {
      assertEquals(helmWarns, !v.warnings().isEmpty(), "warnings: " + v.warnings());
    }
  }

  private static JsonNode merged(String name) throws ValuesException {
    return LOADER.load(ConformanceCase.named(name).inputs()).tree();
  }

  private static Executable missing(JsonNode tree, String pointer) {
    return () ->
        assertTrue(
            tree.at(pointer).isMissingNode(), pointer + " should be deleted: " + tree.at(pointer));
  }

  private static Executable absentOrNull(JsonNode tree, String pointer) {
    return () -> {
      JsonNode n = tree.at(pointer);
      assertTrue(n.isMissingNode() || n.isNull(), pointer + " should hold no value: " + n);
    };
  }

  private static Executable same(JsonNode tree, String pointer, String expectedJson) {
    return () -> assertJson(expectedJson, tree.at(pointer), pointer);
  }

  private static Executable defaulted(JsonNode tree, String pointer) {
    return () -> assertJson(defaults.at(pointer), tree.at(pointer), pointer + " keeps its default");
  }

  @Nested
  @DisplayName("--set syntax cases")
  class SetCases {

    @Test
    @DisplayName("sc-set-lists-indexes: indexes, {a,b} lists, escaped dots, several pairs")
    void listsIndexes() throws ValuesException {
      JsonNode t = merged("sc-set-lists-indexes");
      assertAll(
          same(t, "/worker/config/workQueues", "[\"a\",\"b\"]"),
          same(t, "/worker/image/pullSecrets", "[\"regcred\",\"backup-regcred\"]"),
          same(
              t,
              "/worker/tolerations",
              "[{\"key\":\"dedicated\",\"operator\":\"Equal\",\"value\":\"prefect\",\"effect\":\"NoSchedule\"}]"),
          same(t, "/worker/nodeSelector", "{\"kubernetes.io/os\":\"linux\"}"),
          same(t, "/worker/config/prefetchSeconds", "30"),
          same(t, "/worker/config/queryInterval", "15"),
          same(t, "/worker/config/workPool", "\"k8s-pool\""));
    }

    @Test
    @DisplayName("sc-set-overrides-files-null: --set replaces a file's list and deletes with null")
    void overridesFilesNull() throws ValuesException {
      JsonNode t = merged("sc-set-overrides-files-null");
      assertAll(
          same(t, "/worker/config/workQueues", "[\"z\"]"),
          same(t, "/worker/replicaCount", "3"),
          missing(t, "/worker/resources/limits"),
          same(t, "/worker/resources/requests", "{\"memory\":\"256Mi\",\"cpu\":\"100m\"}"),
          // The file said "from-file"; --set name=null leaves no --name argument.
          absentOrNull(t, "/worker/config/name"));
    }

    @Test
    @DisplayName(
        "sc-set-string-json: --set-string keeps digits as text, --set-json gives structures")
    void stringJson() throws ValuesException {
      JsonNode t = merged("sc-set-string-json");
      assertAll(
          same(t, "/worker/replicaCount", "2"),
          same(t, "/worker/config/limit", "10"),
          same(t, "/worker/image/debug", "true"),
          same(t, "/worker/config/workPool", "\"20240101\""),
          same(t, "/worker/podLabels", "{\"build\":\"1234\"}"),
          same(t, "/worker/podAnnotations", "{\"prometheus.io/scrape\":\"true\"}"),
          same(
              t,
              "/worker/extraEnvVars",
              "[{\"name\":\"PREFECT_LOGGING_LEVEL\",\"value\":\"DEBUG\"}]"),
          same(t, "/worker/podDisruptionBudget", "{\"maxUnavailable\":1}"));
    }

    @Test
    @DisplayName("err-schema-type-set-int: --set types a digit-only clusterUid as a number")
    void setInt() throws ValuesException {
      JsonNode uid = merged("err-schema-type-set-int").at("/worker/clusterUid");
      assertTrue(uid.isIntegralNumber(), uid.getNodeType().toString());
      assertEquals(12345L, uid.longValue());
    }
  }

  @Nested
  @DisplayName("file layering, null deletion and {} merges")
  class FileCases {

    @Test
    @DisplayName(
        "sc-multi-file-layers: three files; nested merge, list replacement, null then re-set")
    void multiFileLayers() throws ValuesException {
      JsonNode t = merged("sc-multi-file-layers");
      assertAll(
          same(t, "/worker/config/workQueues", "[\"staging\"]"),
          same(
              t,
              "/worker/podSecurityContext",
              "{\"runAsNonRoot\":true,\"fsGroup\":3000,\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}"),
          same(t, "/worker/extraEnvVars", "[{\"name\":\"FROM_LOCAL\",\"value\":\"2\"}]"),
          same(t, "/worker/image/pullPolicy", "\"Always\""),
          same(t, "/worker/image/prefectTag", "\"3.8.3-python3.12-kubernetes\""),
          defaulted(t, "/worker/image/repository"),
          same(t, "/worker/config/workPool", "\"k8s-pool\""));
    }

    @Test
    @DisplayName(
        "sc-null-security-contexts-dnsconfig: null deletes single keys and the whole dnsConfig")
    void nullSecurityContexts() throws ValuesException {
      JsonNode t = merged("sc-null-security-contexts-dnsconfig");
      assertAll(
          same(
              t,
              "/worker/podSecurityContext",
              "{\"runAsNonRoot\":true,\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}"),
          same(
              t,
              "/worker/containerSecurityContext",
              "{\"runAsNonRoot\":true,\"readOnlyRootFilesystem\":true,\"allowPrivilegeEscalation\":false,\"capabilities\":{}}"),
          same(
              t,
              "/worker/initContainer/containerSecurityContext",
              "{\"runAsNonRoot\":true,\"readOnlyRootFilesystem\":true,\"allowPrivilegeEscalation\":false,\"capabilities\":{}}"),
          missing(t, "/worker/dnsConfig"),
          same(t, "/worker/config/baseJobTemplate/existingConfigMapName", "\"bjt\""));
    }

    @Test
    @DisplayName("sc-null-whole-maps: null removes whole defaulted maps")
    void nullWholeMaps() throws ValuesException {
      JsonNode t = merged("sc-null-whole-maps");
      assertAll(
          missing(t, "/worker/podSecurityContext"),
          missing(t, "/worker/containerSecurityContext"),
          missing(t, "/worker/resources"),
          missing(t, "/worker/initContainer/containerSecurityContext"),
          same(
              t,
              "/worker/initContainer/extraContainers",
              "[{\"name\":\"setup\",\"image\":\"alpine:3.20\"}]"),
          defaulted(t, "/worker/initContainer/resources"),
          defaulted(t, "/worker/initContainer/extraEnvVars"));
    }

    @Test
    @DisplayName("sc-empty-map-merges: {} leaves every defaulted map as it was")
    void emptyMapMerges() throws ValuesException {
      JsonNode t = merged("sc-empty-map-merges");
      assertAll(
          defaulted(t, "/worker/dnsConfig"),
          defaulted(t, "/worker/podSecurityContext"),
          defaulted(t, "/worker/containerSecurityContext"),
          defaulted(t, "/worker/resources"),
          defaulted(t, "/worker/livenessProbe/config"),
          same(t, "/worker/livenessProbe/enabled", "true"),
          defaulted(t, "/worker/initContainer"),
          defaulted(t, "/commonLabels"));
    }

    @Test
    @DisplayName("err-req-cloud-accountid-null: a later file's null deletes the account ID")
    void accountIdNull() throws ValuesException {
      JsonNode t = merged("err-req-cloud-accountid-null");
      assertAll(
          missing(t, "/worker/cloudApiConfig/accountId"),
          same(t, "/worker/cloudApiConfig/workspaceId", "\"1f2e3d4c-0000-4b5a-9c8d-222222222222\""),
          same(t, "/worker/config/workPool", "\"k8s-pool\""));
    }

    @Test
    @DisplayName(
        "sc-api-cloud-propagation-null: null deletes jobApiKeyPropagation, the rest merges")
    void propagationNull() throws ValuesException {
      JsonNode t = merged("sc-api-cloud-propagation-null");
      assertAll(
          missing(t, "/worker/cloudApiConfig/jobApiKeyPropagation"),
          same(t, "/worker/cloudApiConfig/cloudUrl", "\"https://api.eu.prefect.example/api\""),
          defaulted(t, "/worker/cloudApiConfig/apiKeySecret"),
          same(t, "/worker/cloudApiConfig/accountId", "\"9b3c4d5e-0000-4a1b-8c2d-111111111111\""));
    }

    @Test
    @DisplayName("ut-26: null unsets runAsUser and fsGroup of the pod security context")
    void ut26() throws ValuesException {
      JsonNode t = merged("ut-26-unset-the-security-context");
      assertAll(
          same(
              t,
              "/worker/podSecurityContext",
              "{\"runAsNonRoot\":true,\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}"),
          defaulted(t, "/worker/containerSecurityContext"));
    }

    @Test
    @DisplayName("ut-57: dnsConfig: null removes dnsConfig")
    void ut57() throws ValuesException {
      JsonNode t = merged("ut-57-not-set-kubernetes-worker-dnsconfig-if");
      assertAll(missing(t, "/worker/dnsConfig"), defaulted(t, "/worker/dnsPolicy"));
    }
  }

  @Test
  @DisplayName("the coalesce warnings Helm logs are reported for the same paths")
  void warnings() throws ValuesException {
    for (String[] c :
        List.of(
            new String[] {"err-schema-type-string-for-map", "worker.nodeSelector"},
            new String[] {"err-schema-type-map-for-list", "worker.extraVolumes"})) {
      List<Finding> w = LOADER.load(ConformanceCase.named(c[0]).inputs()).warnings();
      assertEquals(1, w.size(), c[0] + ": " + w);
      assertEquals("input.merge-type-mismatch", w.get(0).ruleId());
      assertTrue(w.get(0).message().startsWith(c[1] + " "), w.get(0).message());
      assertTrue(w.get(0).line() > 0, c[0]);
    }
  }
}
