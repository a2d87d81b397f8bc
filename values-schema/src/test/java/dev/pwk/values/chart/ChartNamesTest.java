package dev.pwk.values.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.testing.ConformanceCase;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ChartNames computes names as the Bitnami common helpers and Sprig do")
class ChartNamesTest {
  private static final String CHART = "prefect-worker";

  @Nested
  @DisplayName("trunc 63 counts bytes, as Go does")
  class Truncation {
    @Test
    @DisplayName("ASCII: 63 characters are 63 bytes")
    void ascii() {
      assertEquals("x".repeat(63), ChartNames.truncate("x".repeat(70)));
      assertEquals("x".repeat(63), ChartNames.truncate("x".repeat(63)));
      assertFalse(ChartNames.isCut("x".repeat(63)));
    }

    @Test
    @DisplayName("33 characters of 64 bytes are cut: é*31 + '-a' keeps é*31 once the dash goes")
    void multiByteNearTheLimit() {
      String override = "é".repeat(31) + "-a";
      assertEquals(33, override.length());
      assertTrue(ChartNames.isCut(override));
      assertEquals("é".repeat(31), ChartNames.cut63(override));
      // helm template prints this name for it: see the corpus case sc-name-multibyte-truncation.
      assertEquals("é".repeat(31), ChartNames.fullname(override, "", CHART, "test"));
    }

    @Test
    @DisplayName("63 bytes with a multi-byte character are kept whole")
    void exactlyAtTheLimit() {
      String s = "a".repeat(61) + "é";
      assertFalse(ChartNames.isCut(s));
      assertEquals(s, ChartNames.truncate(s));
    }

    @Test
    @DisplayName("a character the cut would split is dropped whole rather than corrupted")
    void neverSplits() {
      assertEquals("é".repeat(31), ChartNames.truncate("é".repeat(40)));
      assertEquals("a".repeat(62), ChartNames.truncate("a".repeat(62) + "é"));
    }

    @Test
    @DisplayName("only one trailing dash is trimmed (TrimSuffix, not a loop)")
    void oneDash() {
      assertEquals("a-", ChartNames.trimOneDash("a--"));
      assertEquals("a", ChartNames.trimOneDash("a"));
      assertEquals("a".repeat(61) + "-", ChartNames.cut63("a".repeat(61) + "--bbb"));
      assertEquals("short-", ChartNames.cut63("short--"));
    }
  }

  @Nested
  @DisplayName("common.names.fullname, name and namespace")
  class Helpers {
    @Test
    @DisplayName("fullname: the override wins, cut to 63 with one trailing dash trimmed")
    void override() {
      assertEquals("prefect-worker", ChartNames.fullname("prefect-worker", "", CHART, "demo"));
      String a61 = "a".repeat(61);
      assertEquals(a61 + "-", ChartNames.fullname(a61 + "--bbb", "", CHART, "demo"));
      assertEquals("My_Worker", ChartNames.fullname("My_Worker", "", CHART, "demo"));
    }

    @Test
    @DisplayName("fullname without override: release + name, unless the release contains the name")
    void fromRelease() {
      assertEquals("demo-prefect-worker", ChartNames.fullname("", "", CHART, "demo"));
      assertEquals("demo-foo", ChartNames.fullname("", "foo", CHART, "demo"));
      assertEquals(
          "my-prefect-worker-rel", ChartNames.fullname("", "", CHART, "my-prefect-worker-rel"));
      assertEquals("my-rel-prefect-worker", ChartNames.fullname("", "", CHART, "my.rel"));
      assertEquals("a-b-prefect-worker", ChartNames.fullname("", "", CHART, "a..b"));
    }

    @Test
    @DisplayName("a long release plus name is cut to 63 and one trailing dash is trimmed")
    void truncation() {
      String release = "r".repeat(53);
      assertEquals(
          (release + "-prefect-worker").substring(0, 63),
          ChartNames.fullname("", "", CHART, release));
      assertEquals(release + "-nnnnnnnn", ChartNames.fullname("", "nnnnnnnn-x", CHART, release));
      assertEquals(
          release + "-nnnnnnnn-x", ChartNames.generatedFullname("nnnnnnnn-x", CHART, release));
    }

    @Test
    @DisplayName("name and namespace: the override or the default, cut and trimmed")
    void nameAndNamespace() {
      assertEquals(CHART, ChartNames.name("", CHART));
      assertEquals("foo", ChartNames.name("foo", CHART));
      assertEquals("n".repeat(62), ChartNames.name("n".repeat(62) + "--tail", CHART));
      assertEquals("prefect", ChartNames.namespace("", "prefect"));
      assertEquals("other", ChartNames.namespace("other", "prefect"));
      assertEquals("x".repeat(62), ChartNames.namespace("x".repeat(62) + "-y", "prefect"));
    }

    @Test
    @DisplayName("common.labels.value: + becomes _, cut to 63, trailing non-alphanumerics removed")
    void labelValue() {
      assertEquals(
          "prefect-worker-1.0.0_build", ChartNames.labelValue("prefect-worker-1.0.0+build"));
      assertEquals("v1", ChartNames.labelValue("v1-._"));
      assertEquals("a".repeat(62), ChartNames.labelValue("a".repeat(62) + "-b"));
    }

    @Test
    @DisplayName("service account: the name, else fullname when created, else default")
    void serviceAccountName() {
      assertEquals("custom", ChartNames.serviceAccountName(true, "custom", "full"));
      assertEquals("full", ChartNames.serviceAccountName(true, "", "full"));
      assertEquals("custom", ChartNames.serviceAccountName(false, "custom", "full"));
      assertEquals("default", ChartNames.serviceAccountName(false, "", "full"));
    }
  }

  /** The corpus' naming cases, whose names Helm printed. */
  static List<ConformanceCase> namingCases() {
    return ConformanceCase.renderCases().stream()
        .filter(c -> c.name().startsWith("sc-name-"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namingCases")
  @DisplayName("the corpus' naming cases: the Deployment's name, namespace and labels are Helm's")
  void agreesWithHelm(ConformanceCase c) throws Exception {
    ChartValues v = ChartValues.of(ValuesLoader.create().load(c.inputs()).tree());
    JsonNode deployment = deployment(c.expectedYaml());
    String fullname =
        ChartNames.fullname(
            v.fullnameOverride().text(), v.nameOverride().text(), CHART, c.release());
    assertEquals(deployment.at("/metadata/name").asText(), fullname);
    assertEquals(
        deployment.at("/metadata/namespace").asText(),
        ChartNames.namespace(v.namespaceOverride().text(), c.namespace()));
    JsonNode labels = deployment.at("/metadata/labels");
    assertEquals(
        labels.path("app.kubernetes.io/name").asText(),
        ChartNames.name(v.nameOverride().text(), CHART));
    assertEquals(
        labels.path("helm.sh/chart").asText(),
        ChartNames.labelValue(CHART + "-" + ValuesContract.chart().version()));
  }

  private static JsonNode deployment(String yaml) throws Exception {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    try (var docs = mapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc.path("kind").asText().equals("Deployment")) {
          return doc;
        }
      }
    }
    throw new AssertionError("no Deployment in the expected output");
  }
}
