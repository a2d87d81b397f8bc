package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.testing.ConformanceCase;
import dev.pwk.values.testing.ManifestComparator;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ManifestComparator implements the corpus equivalence rules")
class ManifestComparatorTest {

  private static final String HEAD =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cm
        namespace: ns
      """;

  private static List<String> diff(String expected, String actual) {
    return ManifestComparator.compare(expected, actual);
  }

  @Nested
  @DisplayName("it fails on real differences")
  class RealDifferences {
    @Test
    @DisplayName("a changed image in a real render is reported with document and JSON path")
    void changedImageInRealRender() {
      ConformanceCase c = ConformanceCase.named("ut-01-not-set-basic-auth-by-default");
      Rendering r = TestValues.render(TestValues.load(c), TestValues.options(c));
      assertEquals(List.of(), diff(c.expectedYaml(), r.toYaml()));
      r.find(Deployment.class)
          .orElseThrow()
          .getSpec()
          .getTemplate()
          .getSpec()
          .getContainers()
          .get(0)
          .setImage("prefecthq/prefect:other");
      List<String> diffs = diff(c.expectedYaml(), r.toYaml());
      assertEquals(1, diffs.size(), diffs::toString);
      assertTrue(
          diffs
              .get(0)
              .startsWith(
                  "apps/v1 Deployment prefect/prefect-worker"
                      + " $.spec.template.spec.containers[0].image:"),
          diffs.get(0));
    }

    @Test
    @DisplayName("a missing, extra or reordered document breaks the identity sequence")
    void documentSequence() {
      String a = "---\n" + HEAD + "---\n" + HEAD.replace("name: cm", "name: other");
      String b = "---\n" + HEAD.replace("name: cm", "name: other") + "---\n" + HEAD;
      assertEquals(1, diff(a, b).size());
      assertTrue(diff(a, "---\n" + HEAD).get(0).contains("rule 2"));
    }

    @Test
    @DisplayName("list order matters and list items are never dropped")
    void listOrder() {
      assertEquals(2, diff(HEAD + "x: [a, b]\n", HEAD + "x: [b, a]\n").size());
      assertEquals(1, diff(HEAD + "x: [a, null]\n", HEAD + "x: [a]\n").size());
    }

    @Test
    @DisplayName("a quoted number is not a number outside string-only places")
    void typesMatter() {
      List<String> diffs = diff(HEAD + "data:\n  a: 10\n", HEAD + "data:\n  a: \"10\"\n");
      assertEquals(1, diffs.size());
      assertTrue(diffs.get(0).contains("$.data.a"), diffs.get(0));
      assertEquals(1, diff(HEAD + "x: 1\n", HEAD + "x: 1.0\n").size());
    }

    @Test
    @DisplayName("an empty string is not absent, and an empty map is kept")
    void emptyStringAndEmptyMap() {
      assertEquals(1, diff(HEAD + "x: \"\"\n", HEAD).size());
      assertEquals(1, diff(HEAD + "x: {}\n", HEAD).size());
    }

    @Test
    @DisplayName("string-only places do not accept a non-string where upstream has a string")
    void stringOnlyIsOneWay() {
      String exp = HEAD + "spec:\n  containers:\n  - args: [\"30\"]\n";
      String act = HEAD + "spec:\n  containers:\n  - args: [30]\n";
      assertEquals(1, diff(exp, act).size());
    }

    @Test
    @DisplayName("checksum/config must be 64 hex characters on both sides")
    void checksumShape() {
      String exp = pod("01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b");
      assertEquals(1, diff(exp, pod("not-a-hash")).size());
      assertEquals(1, diff(exp, HEAD + "spec: {template: {metadata: {annotations: {}}}}\n").size());
    }

    @Test
    @DisplayName("map-form ConfigMap data must parse to the same JSON value")
    void configMapJson() {
      String exp = HEAD + "data:\n  t.json: {\"a\":{\"b\":2}}\n";
      assertEquals(1, diff(exp, HEAD + "data:\n  t.json: '{\"a\":{\"b\":3}}'\n").size());
      assertEquals(1, diff(exp, HEAD + "data:\n  t.json: 'not json'\n").size());
    }
  }

  @Nested
  @DisplayName("it accepts equivalent output")
  class Equivalences {
    @Test
    @DisplayName("null values and empty lists are absent; comments and separators do not matter")
    void absentValues() {
      String exp = "# Source: x\n---\n" + HEAD + "envFrom:\nx: []\ny: 1\n---\n";
      assertEquals(List.of(), diff(exp, HEAD + "y: 1\n"));
    }

    @Test
    @DisplayName("quoting style and key order do not matter; duplicate keys keep the last value")
    void quotingAndOrder() {
      assertEquals(List.of(), diff(HEAD + "a: \"x\"\nb: 1\nb: 2\n", HEAD + "b: 2\na: x\n"));
    }

    @Test
    @DisplayName("YAML 1.1 typing: yes, on and y are booleans, 0x10 and 010 are integers")
    void yaml11Typing() {
      assertEquals(
          List.of(),
          diff(
              HEAD + "a: yes\nb: on\nc: y\nd: 0x10\ne: 010\n",
              HEAD + "a: true\nb: true\nc: true\nd: 16\ne: 8\n"));
    }

    @Test
    @DisplayName("string-only places accept the Go string form of an upstream number or boolean")
    void stringOnlyPlaces() {
      String exp =
          HEAD
              + "  labels: {a: 1, b: true}\n"
              + "spec:\n"
              + "  selector: {matchLabels: {c: 1.5}}\n"
              + "  containers:\n"
              + "  - args: [30]\n"
              + "    command: [1e6]\n"
              + "    env: [{name: X, value: 7}]\n";
      String act =
          HEAD
              + "  labels: {a: \"1\", b: \"true\"}\n"
              + "spec:\n"
              + "  selector: {matchLabels: {c: \"1.5\"}}\n"
              + "  containers:\n"
              + "  - args: [\"30\"]\n"
              + "    command: [\"1e+06\"]\n"
              + "    env: [{name: X, value: \"7\"}]\n";
      assertEquals(List.of(), diff(exp, act));
    }

    @Test
    @DisplayName("with divergences: the string the user wrote where upstream read it raw")
    void writtenForm() {
      String exp = HEAD + "  labels: {a: 1000.0}\nspec:\n  priorityClassName: 16\n";
      String act = HEAD + "  labels: {a: \"1e3\"}\nspec:\n  priorityClassName: \"0x10\"\n";
      assertEquals(List.of(), ManifestComparator.compare(exp, act, true));
      assertEquals(2, ManifestComparator.compare(exp, act, false).size());
      String other = HEAD + "  labels: {a: \"1e4\"}\nspec:\n  priorityClassName: \"0x11\"\n";
      assertEquals(2, ManifestComparator.compare(exp, other, true).size());
      String args = HEAD + "spec:\n  containers:\n  - args: [1e+06]\n";
      String written = HEAD + "spec:\n  containers:\n  - args: [\"1000000\"]\n";
      assertEquals(List.of(), ManifestComparator.compare(args, written, true));
      assertEquals(1, ManifestComparator.compare(args, written, false).size());
    }

    @Test
    @DisplayName("with divergences: a name upstream printed raw matches the string written")
    void writtenName() {
      String exp = HEAD.replace("name: cm", "name: 1e3") + "---\n" + HEAD;
      String act = HEAD.replace("name: cm", "name: \"1e3\"") + "---\n" + HEAD;
      assertEquals(List.of(), ManifestComparator.compare(exp, act, true));
      assertEquals(1, ManifestComparator.compare(exp, act, false).size());
      String other = HEAD.replace("name: cm", "name: \"1e4\"") + "---\n" + HEAD;
      assertEquals(1, ManifestComparator.compare(exp, other, true).size());
      String otherKind = act.replaceFirst("kind: ConfigMap", "kind: Secret");
      assertEquals(1, ManifestComparator.compare(exp, otherKind, true).size());
    }

    @Test
    @DisplayName("a null list item on both sides is the same item")
    void nullItems() {
      assertEquals(List.of(), diff(HEAD + "x: [a, ~]\n", HEAD + "x: [a, null]\n"));
      assertEquals(1, diff(HEAD + "x: [a, ~]\n", HEAD + "x: [a, \"\"]\n").size());
    }

    @Test
    @DisplayName("a tag go-yaml does not know is ignored: the scalar is its text")
    void unknownTags() {
      assertEquals(
          List.of(),
          diff(
              HEAD + "a: !bang\nb: !x 12\nc: !m {k: v}\nd: !s [1]\n",
              HEAD + "a: \"\"\nb: \"12\"\nc: {k: v}\nd: [1]\n"));
      assertEquals(1, diff(HEAD + "b: !x 12\n", HEAD + "b: 12\n").size());
    }

    @Test
    @DisplayName("with divergences: a null item in args matches an empty string")
    void nullArgIsEmptyString() {
      String exp = HEAD + "spec:\n  containers:\n  - args: [a, null]\n";
      String act = HEAD + "spec:\n  containers:\n  - args: [a, \"\"]\n";
      assertEquals(List.of(), ManifestComparator.compare(exp, act, true));
      assertEquals(1, ManifestComparator.compare(exp, act, false).size());
      String other = HEAD + "spec:\n  containers:\n  - args: [a, \"b\"]\n";
      assertEquals(1, ManifestComparator.compare(exp, other, true).size());
    }

    @Test
    @DisplayName("an empty metadata annotations or labels map is the same as none")
    void emptyMetadataMaps() {
      assertEquals(List.of(), diff(HEAD + "  annotations: {}\n", HEAD));
      assertEquals(List.of(), diff(HEAD + "spec: {nodeSelector: {}}\n", HEAD + "spec: {}\n"));
      assertEquals(1, diff(HEAD + "spec: {emptyDir: {}}\n", HEAD + "spec: {}\n").size());
    }

    @Test
    @DisplayName("checksum/config values are not compared")
    void checksumNotCompared() {
      assertEquals(
          List.of(),
          diff(
              pod("01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b"),
              pod("2228db3ae89467da9f43d67841acbc437559eca9d426f1bb1f4540a6d0be2014")));
    }

    @Test
    @DisplayName("a JSON string matches the map upstream puts into ConfigMap data")
    void configMapJson() {
      String exp = HEAD + "data:\n  t.json: {\"a\":{\"b\":2},\"c\":[true]}\n";
      assertEquals(
          List.of(), diff(exp, HEAD + "data:\n  t.json: '{\"c\":[true],\"a\":{\"b\":2}}'\n"));
    }

    @Test
    @DisplayName("anchors, aliases and merge keys are honoured")
    void anchors() {
      assertEquals(
          List.of(),
          diff(
              HEAD + "a: &x {k: v}\nb:\n  <<: *x\n  l: m\n",
              HEAD + "a: {k: v}\nb: {k: v, l: m}\n"));
    }
  }

  @Test
  @DisplayName("Go %v float formatting")
  void goFloat() {
    assertEquals("1.5", ManifestComparator.goFloat(1.5));
    assertEquals("1e+06", ManifestComparator.goFloat(1e6));
    assertEquals("100000", ManifestComparator.goFloat(1e5));
    assertEquals("1e-05", ManifestComparator.goFloat(0.00001));
    assertEquals("0.0001", ManifestComparator.goFloat(0.0001));
    assertEquals("1e+21", ManifestComparator.goFloat(1e21));
    assertEquals("-2.5", ManifestComparator.goFloat(-2.5));
  }

  private static String pod(String checksum) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: ns}\n"
        + "spec:\n  template:\n    metadata:\n      annotations:\n        checksum/config: "
        + checksum
        + "\n";
  }
}
