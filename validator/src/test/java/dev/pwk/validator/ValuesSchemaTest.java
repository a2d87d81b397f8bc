package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pwk.values.ChartInfo;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.testing.ConformanceCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled values.schema.json, checked with networknt json-schema-validator (draft-07) against
 * the defaults, the corpus and every upstream rejection listed in docs/chart-spec.md §3.
 */
@DisplayName("values.schema.json accepts and rejects what Helm does")
class ValuesSchemaTest {
  private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
  private static final String SCHEMA_ERROR =
      "Error: values don't meet the specifications of the schema(s) in the following chart(s):";
  private static final Pattern HELM_LOCATION = Pattern.compile("^\\s*- at '([^']*)': (.*)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every resource the registry asked for; it must stay empty: nothing is fetched. */
  private static final List<String> fetched = Collections.synchronizedList(new ArrayList<>());

  private static Schema schema;
  private static JsonNode defaults;

  /** A registry whose only resource loader records the request and finds nothing. */
  private static SchemaRegistry offlineRegistry(List<String> log) {
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_7,
        b ->
            b.schemaLoader(
                l ->
                    l.fetchRemoteResources(false)
                        .resourceLoaders(
                            r ->
                                r.values(
                                    loaders -> {
                                      loaders.clear();
                                      loaders.add(
                                          iri -> {
                                            log.add(iri.toString());
                                            return null;
                                          });
                                    }))));
  }

  @BeforeAll
  static void compile() throws ValuesException {
    schema = offlineRegistry(fetched).getSchema(ValuesContract.schemaJson(), InputFormat.JSON);
    schema.initializeValidators();
    defaults = ValuesLoader.create().load(ValueInputs.none()).tree();
  }

  /** Violations as {@code <instance pointer> <keyword>}. */
  private static List<String> violations(JsonNode values) {
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(values)) {
      out.add(e.getInstanceLocation() + " " + e.getKeyword());
    }
    return out;
  }

  /** The defaults with {@code json} at {@code pointer}, creating parent maps as needed. */
  private static JsonNode defaultsWith(String pointer, String json) throws Exception {
    ObjectNode copy = defaults.deepCopy();
    String[] parts = pointer.substring(1).split("/");
    ObjectNode parent = copy;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = parent.get(parts[i]);
      parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
    }
    parent.set(parts[parts.length - 1], JSON.readTree(json));
    return copy;
  }

  private static void assertAccepted(String pointer, String json) throws Exception {
    List<String> v = violations(defaultsWith(pointer, json));
    assertTrue(v.isEmpty(), pointer + "=" + json + " should be accepted: " + v);
  }

  private static void assertRejected(String pointer, String json, String expected)
      throws Exception {
    List<String> v = violations(defaultsWith(pointer, json));
    assertTrue(
        v.contains(expected), pointer + "=" + json + " should give '" + expected + "': " + v);
  }

  @Nested
  @DisplayName("bundled resources")
  class Bundled {

    @Test
    @DisplayName("Chart.yaml is the released chart: prefect-worker 2026.8.18172642, app 3.8.3")
    void chart() {
      ChartInfo c = ValuesContract.chart();
      assertAll(
          () -> assertEquals("prefect-worker", c.name()),
          () -> assertEquals("2026.8.18172642", c.version()),
          () -> assertEquals("3.8.3", c.appVersion()),
          () -> assertEquals("v2", c.apiVersion()),
          () -> assertEquals("application", c.type()),
          () -> assertEquals("", c.kubeVersion(), "the chart sets no kubeVersion"),
          () -> assertEquals(false, c.deprecated()),
          () ->
              assertEquals(
                  List.of(
                      new ChartInfo.Dependency(
                          "common", "https://charts.bitnami.com/bitnami", "2.41.0")),
                  c.dependencies()));
    }

    @Test
    @DisplayName("the default image tag is the released one, 3.8.3-python3.11-kubernetes")
    void imageTag() {
      assertEquals("3.8.3-python3.11-kubernetes", defaults.at("/worker/image/prefectTag").asText());
      assertEquals("prefecthq/prefect", defaults.at("/worker/image/repository").asText());
    }

    @Test
    @DisplayName("the schema declares draft-07")
    void draft07() throws Exception {
      JsonNode s = JSON.readTree(ValuesContract.schemaJson());
      assertEquals(DRAFT_07, s.path("$schema").asText());
      assertEquals(DRAFT_07, schema.getSchemaContext().getDialect().getId());
    }

    @Test
    @DisplayName("the schema compiles and validates without loading any resource")
    void offline() {
      violations(defaults);
      assertTrue(fetched.isEmpty(), "fetched " + fetched);
    }

    @Test
    @DisplayName(
        "the offline registry would notice a fetch (a remote $ref is requested, not loaded)")
    void offlineCheckCanFail() {
      List<String> log = new ArrayList<>();
      String remote = "https://example.invalid/other.json";
      assertThrows(
          RuntimeException.class,
          () -> {
            Schema s =
                offlineRegistry(log)
                    .getSchema(
                        "{\"$schema\":\"" + DRAFT_07 + "\",\"$ref\":\"" + remote + "\"}",
                        InputFormat.JSON);
            s.initializeValidators();
            s.validate(JSON.readTree("1"));
          });
      assertTrue(log.contains(remote), log.toString());
    }

    @Test
    @DisplayName("the bundled default values are valid")
    void defaultsValid() {
      assertEquals(List.of(), violations(defaults));
    }
  }

  static Stream<ConformanceCase> renderCases() {
    return ConformanceCase.renderCases().stream();
  }

  /** Error cases whose values Helm could read, so that the schema or a template failed. */
  static Stream<ConformanceCase> errorCases() {
    return ConformanceCase.errorCases().stream().filter(c -> !c.unreadableInput());
  }

  @Nested
  @DisplayName("the corpus")
  class Corpus {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pwk.validator.ValuesSchemaTest#renderCases")
    @DisplayName("the merged values of every render case are valid")
    void renderCasesValid(ConformanceCase c) throws ValuesException {
      assertEquals(List.of(), violations(ValuesLoader.create().load(c.inputs()).tree()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pwk.validator.ValuesSchemaTest#errorCases")
    @DisplayName(
        "an error case fails the schema exactly when Helm's error is a schema error, at Helm's"
            + " locations")
    void errorCases(ConformanceCase c) throws ValuesException {
      List<String> v = violations(ValuesLoader.create().load(c.inputs()).tree());
      String helm = c.expectedError();
      if (!helm.contains(SCHEMA_ERROR)) {
        assertEquals(List.of(), v, "Helm failed in a template, so the schema passed");
        return;
      }
      assertFalse(v.isEmpty(), "Helm rejected the values");
      Set<String> locations = new LinkedHashSet<>();
      for (String line : helm.lines().toList()) {
        Matcher m = HELM_LOCATION.matcher(line);
        if (m.matches() && !m.group(2).equals("validation failed")) {
          locations.add(m.group(1));
        }
      }
      assertFalse(locations.isEmpty(), "Helm's error names locations");
      Set<String> ours = new LinkedHashSet<>();
      v.forEach(s -> ours.add(s.substring(0, s.indexOf(' '))));
      for (String location : locations) {
        assertTrue(ours.contains(location), location + " not among " + v);
      }
    }

    @Test
    @DisplayName("every err-schema-* case is an error case that the schema rejects")
    void allErrSchemaCasesCovered() throws ValuesException {
      List<ConformanceCase> cases =
          ConformanceCase.all().stream().filter(c -> c.name().startsWith("err-schema-")).toList();
      assertEquals(24, cases.size());
      for (ConformanceCase c : cases) {
        assertFalse(c.expectRender(), c.name());
        assertFalse(violations(ValuesLoader.create().load(c.inputs()).tree()).isEmpty(), c.name());
      }
    }
  }

  @Nested
  @DisplayName("upstream rejections (docs/chart-spec.md §3)")
  class Rejections {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "/worker",
          "/worker/autoscaling",
          "/worker/initContainer",
          "/worker/initContainer/resources",
          "/worker/initContainer/resources/requests",
          "/worker/initContainer/resources/limits",
          "/worker/image",
          "/worker/config",
          "/worker/config/baseJobTemplate",
          "/worker/cloudApiConfig",
          "/worker/customerManagedCloudApiConfig",
          "/worker/selfHostedServerApiConfig",
          "/worker/resources",
          "/worker/resources/requests",
          "/worker/resources/limits",
          "/worker/livenessProbe",
          "/worker/livenessProbe/config",
          "/worker/dnsConfig",
          "/serviceAccount",
          "/role",
          "/rolebinding"
        })
    @DisplayName("an unknown key is rejected under every additionalProperties:false object")
    void unknownKeyRejected(String object) throws Exception {
      assertRejected(object + "/unknownKey", "1", object + " additionalProperties");
    }

    @ParameterizedTest(name = "under ''{0}''")
    @ValueSource(
        strings = {
          "",
          "/worker/initContainer/containerSecurityContext",
          "/worker/initContainer/containerSecurityContext/capabilities",
          "/worker/podSecurityContext",
          "/worker/containerSecurityContext",
          "/worker/containerSecurityContext/capabilities",
          "/worker/cloudApiConfig/apiKeySecret",
          "/worker/customerManagedCloudApiConfig/apiKeySecret",
          "/worker/selfHostedServerApiConfig/basicAuth",
          "/worker/podSecurityContext/seccompProfile",
          "/commonLabels",
          "/commonAnnotations",
          "/serviceAccount/annotations",
          "/worker/podLabels",
          "/worker/podAnnotations",
          "/worker/affinity",
          "/worker/nodeSelector",
          "/worker/podDisruptionBudget",
          "/common",
          "/global"
        })
    @DisplayName("an unknown key is accepted where additionalProperties is true or absent")
    void unknownKeyAccepted(String object) throws Exception {
      assertAccepted(object + "/unknownKey", "\"x\"");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            /worker/apiConfig                                    | "cloud"
            /worker/apiConfig                                    | "customerManagedCloud"
            /worker/apiConfig                                    | "selfHostedServer"
            /worker/config/installPolicy                         | "always"
            /worker/config/installPolicy                         | "if-not-present"
            /worker/config/installPolicy                         | "never"
            /worker/config/installPolicy                         | "prompt"
            /worker/cloudApiConfig/jobApiKeyPropagation          | "secretRef"
            /worker/cloudApiConfig/jobApiKeyPropagation          | "autoSecret"
            /worker/cloudApiConfig/jobApiKeyPropagation          | "envVar"
            /worker/customerManagedCloudApiConfig/jobApiKeyPropagation | "secretRef"
            /worker/customerManagedCloudApiConfig/jobApiKeyPropagation | "autoSecret"
            /worker/customerManagedCloudApiConfig/jobApiKeyPropagation | "envVar"
            /worker/podSecurityContext/seccompProfile/type       | "RuntimeDefault"
            /worker/podSecurityContext/seccompProfile/type       | "Unconfined"
            """)
    @DisplayName("every enum value is accepted")
    void enumValuesAccepted(String pointer, String json) throws Exception {
      assertAccepted(pointer, json);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            /worker/apiConfig                                          | "Cloud"
            /worker/apiConfig                                          | ""
            /worker/config/installPolicy                               | "Always"
            /worker/config/installPolicy                               | "ifNotPresent"
            /worker/cloudApiConfig/jobApiKeyPropagation                | "secret"
            /worker/customerManagedCloudApiConfig/jobApiKeyPropagation | "env"
            /worker/podSecurityContext/seccompProfile/type             | "runtimedefault"
            """)
    @DisplayName("a value outside an enum is rejected")
    void enumRejected(String pointer, String json) throws Exception {
      assertRejected(pointer, json, pointer + " enum");
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            # ["integer","null"]
            /worker/podSecurityContext/runAsUser                         | null       | ok
            /worker/podSecurityContext/runAsUser                         | 1000       | ok
            /worker/podSecurityContext/runAsUser                         | "1000"     | type
            /worker/podSecurityContext/runAsUser                         | 1.5        | type
            /worker/podSecurityContext/fsGroup                           | null       | ok
            /worker/podSecurityContext/fsGroup                           | "x"        | type
            /worker/containerSecurityContext/runAsUser                   | null       | ok
            /worker/containerSecurityContext/runAsUser                   | "x"        | type
            /worker/initContainer/containerSecurityContext/runAsUser     | null       | ok
            /worker/initContainer/containerSecurityContext/runAsUser     | true       | type
            /worker/config/limit                                         | null       | ok
            /worker/config/limit                                         | 5          | ok
            /worker/config/limit                                         | "5"        | type
            # ["string","null"]
            /worker/config/name                                          | null       | ok
            /worker/config/name                                          | "w"        | ok
            /worker/config/name                                          | 5          | type
            /worker/config/jobNamespace                                  | null       | ok
            /worker/config/jobNamespace                                  | "a,b"      | ok
            /worker/config/jobNamespace                                  | true       | type
            /worker/config/baseJobTemplate/name                          | null       | ok
            /worker/config/baseJobTemplate/name                          | "bjt"      | ok
            /worker/config/baseJobTemplate/name                          | 1          | type
            /role/namespace                                              | null       | ok
            /role/namespace                                              | "ns"       | ok
            /role/namespace                                              | []         | type
            # ["string","null","object"]
            /worker/config/baseJobTemplate/configuration                 | null       | ok
            /worker/config/baseJobTemplate/configuration                 | "{}"       | ok
            /worker/config/baseJobTemplate/configuration                 | {"a":1}    | ok
            /worker/config/baseJobTemplate/configuration                 | 5          | type
            /worker/config/baseJobTemplate/configuration                 | true       | type
            /worker/config/baseJobTemplate/configuration                 | [1]        | type
            """)
    @DisplayName("union types accept each of their types and nothing else")
    void unionTypes(String pointer, String json, String expected) throws Exception {
      if (expected.equals("ok")) {
        assertAccepted(pointer, json);
      } else {
        assertRejected(pointer, json, pointer + " " + expected);
      }
    }

    @ParameterizedTest(name = "seccompProfile {0} -> {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            {"type":"RuntimeDefault"}                                      | ok
            {"type":"Unconfined"}                                          | ok
            {"type":"Localhost","localhostProfile":"/profiles/w.json"}     | ok
            {"type":"RuntimeDefault","localhostProfile":"/ignored.json"}   | ok
            # type is required
            {}                                                             | /worker/podSecurityContext/seccompProfile required
            {"localhostProfile":"/p.json"}                                 | /worker/podSecurityContext/seccompProfile required
            {"type":null}                                                  | /worker/podSecurityContext/seccompProfile/type enum
            # Localhost needs an absolute localhostProfile
            {"type":"Localhost"}                                           | /worker/podSecurityContext/seccompProfile oneOf
            {"type":"Localhost","localhostProfile":"profiles/w.json"}      | /worker/podSecurityContext/seccompProfile/localhostProfile pattern
            {"type":"Localhost","localhostProfile":5}                      | /worker/podSecurityContext/seccompProfile/localhostProfile type
            # outside the enum and both oneOf branches
            {"type":"Foo"}                                                 | /worker/podSecurityContext/seccompProfile/type enum
            {"type":"Foo"}                                                 | /worker/podSecurityContext/seccompProfile oneOf
            """)
    @DisplayName("the pod seccomp profile follows the oneOf on its type")
    void seccomp(String profile, String expected) throws Exception {
      String pointer = "/worker/podSecurityContext/seccompProfile";
      if (expected.equals("ok")) {
        assertAccepted(pointer, profile);
      } else {
        assertRejected(pointer, profile, expected);
      }
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            pull secrets as objects          | /worker/image/pullSecrets                  | [{"name":"regcred"}]  | /worker/image/pullSecrets/0 type
            a string for an integer          | /worker/replicaCount                       | "3"                   | /worker/replicaCount type
            a number for an integer          | /worker/replicaCount                       | 1.5                   | /worker/replicaCount type
            a string for a boolean           | /worker/autoscaling/enabled                | "true"                | /worker/autoscaling/enabled type
            a string for a map               | /worker/nodeSelector                       | "linux"               | /worker/nodeSelector type
            a map for a list                 | /worker/config/workQueues                  | {}                    | /worker/config/workQueues type
            a string for a list              | /worker/config/workQueues                  | "default"             | /worker/config/workQueues type
            a number for a string            | /worker/clusterUid                         | 12345                 | /worker/clusterUid type
            a number for the configuration   | /worker/config/baseJobTemplate/configuration | 5                   | /worker/config/baseJobTemplate/configuration type
            a number in a string list        | /worker/args                               | ["start",1]           | /worker/args/1 type
            a string in an object list       | /worker/tolerations                        | ["x"]                 | /worker/tolerations/0 type
            a number for a resource quantity | /worker/resources/limits/cpu               | 1                     | /worker/resources/limits/cpu type
            """)
    @DisplayName("values of the wrong type are rejected at their path")
    void wrongTypes(String what, String pointer, String json, String expected) throws Exception {
      assertRejected(pointer, json, expected);
    }
  }
}
