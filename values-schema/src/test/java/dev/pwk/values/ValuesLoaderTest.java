package dev.pwk.values;

import static dev.pwk.values.JsonTrees.assertJson;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ValuesLoader loads and merges values as Helm does")
class ValuesLoaderTest {
  /** Only a guard against hangs; the inputs below load or fail in well under a second. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  private static final ValuesLoader LOADER = ValuesLoader.create();
  private static JsonNode defaults;

  @TempDir Path dir;

  @BeforeAll
  static void loadDefaults() throws ValuesException {
    defaults = LOADER.load(ValueInputs.none()).tree();
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static LoadedValues load(ValueInputs inputs) throws ValuesException {
    return LOADER.load(inputs);
  }

  private LoadedValues loadFiles(String... contents) throws Exception {
    ValueInputs.Builder b = ValueInputs.builder();
    for (int i = 0; i < contents.length; i++) {
      b.file(file("f" + (i + 1) + ".yaml", contents[i]));
    }
    return load(b.build());
  }

  /** The problems of inputs that must not load; any other exception or a hang fails. */
  private static List<Finding> problems(ValueInputs inputs) {
    return assertTimeoutPreemptively(
        HANG_GUARD,
        () -> assertThrows(ValuesException.class, () -> LOADER.load(inputs)).problems());
  }

  private static JsonNode defaultAt(String pointer) {
    return defaults.at(pointer);
  }

  @Nested
  @DisplayName("merge rules")
  class MergeRules {

    @Test
    @DisplayName("maps merge key by key across files and over the defaults")
    void mapsDeepMerge() throws Exception {
      JsonNode t =
          loadFiles(
                  "worker:\n  config:\n    workPool: p\n  podLabels:\n    a: x\n",
                  "worker:\n  config:\n    type: t\n  podLabels:\n    b: z\n")
              .tree();
      assertAll(
          () -> assertEquals("p", t.at("/worker/config/workPool").asText()),
          () -> assertEquals("t", t.at("/worker/config/type").asText()),
          () -> assertJson("{\"a\":\"x\",\"b\":\"z\"}", t.at("/worker/podLabels")),
          () -> assertEquals(5, t.at("/worker/config/queryInterval").intValue()));
    }

    @Test
    @DisplayName("lists are replaced whole, never merged by index")
    void listsReplace() throws Exception {
      JsonNode t =
          loadFiles(
                  "worker:\n  config:\n    workQueues: [a, b, c]\n",
                  "worker:\n  config:\n    workQueues: [z]\n")
              .tree();
      assertJson("[\"z\"]", t.at("/worker/config/workQueues"));
    }

    @Test
    @DisplayName("scalars are replaced, the later type included")
    void scalarsReplace() throws Exception {
      JsonNode t =
          loadFiles("worker:\n  replicaCount: 2\n", "worker:\n  replicaCount: \"3\"\n").tree();
      assertJson("\"3\"", t.at("/worker/replicaCount"));
    }

    @Test
    @DisplayName("a user null deletes the defaulted key, for scalars and whole maps")
    void nullDeletesDefault() throws Exception {
      LoadedValues v = loadFiles("worker:\n  replicaCount: null\n  dnsConfig: ~\n");
      assertAll(
          () -> assertTrue(v.tree().at("/worker/replicaCount").isMissingNode()),
          () -> assertTrue(v.tree().at("/worker/dnsConfig").isMissingNode()),
          () -> assertTrue(v.userTree().at("/worker/replicaCount").isNull()),
          () ->
              assertEquals(
                  defaultAt("/worker/revisionHistoryLimit"),
                  v.tree().at("/worker/revisionHistoryLimit")));
    }

    @Test
    @DisplayName("a null for a key the defaults do not have stays null")
    void nullForUnknownKeyStays() throws Exception {
      JsonNode t = loadFiles("extra: null\nworker:\n  podLabels:\n    team: null\n").tree();
      assertAll(
          () -> assertTrue(t.has("extra") && t.get("extra").isNull()),
          () -> assertTrue(t.at("/worker/podLabels").has("team")),
          () -> assertTrue(t.at("/worker/podLabels/team").isNull()));
    }

    @Test
    @DisplayName("a later file's null replaces an earlier value, then deletes the default")
    void laterNull() throws Exception {
      LoadedValues v =
          loadFiles(
              "worker:\n  cloudApiConfig:\n    accountId: a\n    workspaceId: w\n",
              "worker:\n  cloudApiConfig:\n    accountId: null\n");
      assertAll(
          () -> assertTrue(v.userTree().at("/worker/cloudApiConfig/accountId").isNull()),
          () -> assertTrue(v.tree().at("/worker/cloudApiConfig/accountId").isMissingNode()),
          () -> assertEquals("w", v.tree().at("/worker/cloudApiConfig/workspaceId").asText()));
    }

    @Test
    @DisplayName("a value in a later file restores a key an earlier file nulled")
    void valueAfterNull() throws Exception {
      JsonNode t =
          loadFiles(
                  "worker:\n  podSecurityContext:\n    runAsUser: null\n",
                  "worker:\n  podSecurityContext:\n    runAsUser: 5\n")
              .tree();
      assertEquals(5, t.at("/worker/podSecurityContext/runAsUser").intValue());
    }

    @Test
    @DisplayName("{} merges: it changes neither the defaults nor an earlier file's map")
    void emptyMapMerges() throws Exception {
      JsonNode t =
          loadFiles(
                  "worker:\n  podLabels: {a: x}\n",
                  "worker:\n  dnsConfig: {}\n  podSecurityContext: {}\n  podLabels: {}\n")
              .tree();
      assertAll(
          () -> assertEquals(defaultAt("/worker/dnsConfig"), t.at("/worker/dnsConfig")),
          () ->
              assertEquals(
                  defaultAt("/worker/podSecurityContext"), t.at("/worker/podSecurityContext")),
          () -> assertJson("{\"a\":\"x\"}", t.at("/worker/podLabels")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            a string for a default map     | worker:\\n  nodeSelector: linux\\n     | /worker/nodeSelector  | "linux"       | replaces a map with a string
            a map for a default list       | worker:\\n  extraVolumes: {a: 1}\\n  | /worker/extraVolumes  | {"a":1}       | replaces a list with a map
            a map for a default number     | worker:\\n  replicaCount: {a: 1}\\n  | /worker/replicaCount  | {"a":1}       | replaces a number with a map
            """)
    @DisplayName("a user value of another shape than the default is kept, with a warning")
    void shapeMismatchKeptWithWarning(
        String what, String yaml, String pointer, String expectedJson, String warning)
        throws Exception {
      LoadedValues v = loadFiles(yaml.replace("\\n", "\n"));
      assertJson(expectedJson, v.tree().at(pointer), what);
      assertEquals(1, v.warnings().size(), v.warnings().toString());
      Finding w = v.warnings().get(0);
      assertAll(
          () -> assertEquals("input.merge-type-mismatch", w.ruleId()),
          () -> assertEquals(dir.resolve("f1.yaml").toString(), w.file()),
          () -> assertEquals(2, w.line()),
          () ->
              assertTrue(w.message().contains(pointer.substring(1).replace('/', '.')), w.message()),
          () -> assertTrue(w.message().contains(warning), w.message()));
    }

    @Test
    @DisplayName("defaults fill every gap the user leaves")
    void defaultsFillGaps() throws Exception {
      JsonNode t = loadFiles("worker:\n  config:\n    workPool: p\n").tree();
      ObjectNode expected = defaults.deepCopy();
      ((ObjectNode) expected.at("/worker/config")).put("workPool", "p");
      assertEquals(expected, t);
    }

    @Test
    @DisplayName("files apply in the order given: the last one wins")
    void fileOrder() throws Exception {
      Path a = file("a.yaml", "worker:\n  replicaCount: 2\n");
      Path b = file("b.yaml", "worker:\n  replicaCount: 3\n");
      assertEquals(3, load(ValueInputs.ofFiles(a, b)).tree().at("/worker/replicaCount").intValue());
      assertEquals(2, load(ValueInputs.ofFiles(b, a)).tree().at("/worker/replicaCount").intValue());
    }

    /** One writer of worker.config.workPool per source category, in Helm's order. */
    private List<Consumer<ValueInputs.Builder>> categories() throws IOException {
      Path f = file("pool.yaml", "worker:\n  config:\n    workPool: from-file\n");
      Path payload = file("pool.txt", "from-set-file");
      return List.of(
          b -> b.file(f),
          b -> b.setJson("worker.config.workPool=\"from-set-json\""),
          b -> b.set("worker.config.workPool=from-set"),
          b -> b.setString("worker.config.workPool=from-set-string"),
          b -> b.setFile("worker.config.workPool=" + payload),
          b -> b.setLiteral("worker.config.workPool=from-set-literal"));
    }

    @ParameterizedTest(name = "with the first {0} categories, {1} wins")
    @CsvSource({
      "1, from-file, FILE",
      "2, from-set-json, SET_JSON",
      "3, from-set, SET",
      "4, from-set-string, SET_STRING",
      "5, from-set-file, SET_FILE",
      "6, from-set-literal, SET_LITERAL"
    })
    @DisplayName(
        "sources apply by category (files, --set-json, --set, --set-string, --set-file,"
            + " --set-literal), whatever the order of the calls")
    void categoryOrder(int count, String winner, Origin.Kind kind) throws Exception {
      List<Consumer<ValueInputs.Builder>> all = categories();
      ValueInputs.Builder reversed = ValueInputs.builder();
      for (int i = count - 1; i >= 0; i--) {
        all.get(i).accept(reversed);
      }
      LoadedValues v = load(reversed.build());
      assertEquals(winner, v.tree().at("/worker/config/workPool").asText());
      assertEquals(kind, v.origin("/worker/config/workPool").orElseThrow().kind());
    }

    @Test
    @DisplayName("--set writes below a file's map and into a file's list")
    void setBelowFileMap() throws Exception {
      Path f = file("f.yaml", "worker:\n  config:\n    workPool: p\n    workQueues: [a, b]\n");
      LoadedValues v =
          load(
              ValueInputs.builder()
                  .file(f)
                  .set("worker.config.type=t,worker.config.workQueues[1]=c")
                  .build());
      assertAll(
          () -> assertEquals("p", v.tree().at("/worker/config/workPool").asText()),
          () -> assertEquals("t", v.tree().at("/worker/config/type").asText()),
          () -> assertJson("[\"a\",\"c\"]", v.tree().at("/worker/config/workQueues")),
          () -> assertEquals(Origin.Kind.FILE, v.keyOrigin("/worker/config").orElseThrow().kind()),
          () ->
              assertEquals(Origin.Kind.SET, v.origin("/worker/config/type").orElseThrow().kind()));
    }

    @ParameterizedTest(name = "{0} then --set {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            worker:\\n  nodeSelector: linux\\n   | worker.nodeSelector.os=x  | cannot set a key below "nodeSelector": it holds the value string, not a map
            a: null\\n                          | a.b=1                     | cannot set a key below "a": it holds null, not a map
            a: [1]\\n                           | a.b=1                     | cannot set a key below "a": it holds a list, not a map
            a: {b: 1}\\n                        | a[0]=1                    | cannot index "a": it holds a map, not a list
            """)
    @DisplayName("--set onto a non-map value of a file is a set.syntax problem")
    void setOntoNonMap(String yaml, String set, String message) throws Exception {
      Path f = file("f.yaml", yaml.replace("\\n", "\n"));
      List<Finding> p = problems(ValueInputs.builder().file(f).set(set).build());
      assertEquals(1, p.size(), p.toString());
      assertEquals("input.set-syntax", p.get(0).ruleId());
      assertEquals("--set #1 '" + set + "': " + message, p.get(0).message());
    }

    @Test
    @DisplayName("Helm 4: a --set-json argument that is a JSON object merges like a file")
    void setJsonObject() throws Exception {
      Path f = file("f.yaml", "worker:\n  podLabels: {c: d}\n  replicaCount: 5\n");
      LoadedValues v =
          load(
              ValueInputs.builder()
                  .file(f)
                  .set("worker.replicaCount=4")
                  .setJson(
                      " {\"worker\":{\"replicaCount\":2,\"podLabels\":{\"a\":\"b\"},\"dnsConfig\":null}}")
                  .build());
      assertAll(
          () -> assertJson("{\"c\":\"d\",\"a\":\"b\"}", v.tree().at("/worker/podLabels")),
          () ->
              assertEquals(
                  4,
                  v.tree().at("/worker/replicaCount").intValue(),
                  "--set comes after --set-json"),
          () -> assertTrue(v.tree().at("/worker/dnsConfig").isMissingNode()),
          () ->
              assertEquals(
                  Origin.Kind.SET_JSON, v.origin("/worker/podLabels/a").orElseThrow().kind()),
          () ->
              assertEquals(Origin.Kind.FILE, v.origin("/worker/podLabels/c").orElseThrow().kind()));
    }

    @ParameterizedTest(name = "--set-json {0}")
    @ValueSource(strings = {"{\"a\":", "{\"a\":1} x", "{a:1}"})
    @DisplayName("an invalid JSON object for --set-json is a set-json.syntax problem")
    void setJsonBadObject(String argument) {
      List<Finding> p = problems(ValueInputs.builder().setJson(argument).build());
      assertEquals(1, p.size(), p.toString());
      assertEquals("input.set-json-syntax", p.get(0).ruleId());
      assertTrue(
          p.get(0).message().startsWith("--set-json #1 '" + argument + "': invalid JSON object"),
          p.get(0).message());
    }

    @Test
    @DisplayName("loadWithoutDefaults gives the user's values alone")
    void withoutDefaults() throws Exception {
      Path f = file("f.yaml", "worker:\n  replicaCount: null\n");
      LoadedValues v = LOADER.loadWithoutDefaults(ValueInputs.ofFiles(f));
      assertJson("{\"worker\":{\"replicaCount\":null}}", v.tree());
      assertTrue(v.warnings().isEmpty());
    }
  }

  @Nested
  @DisplayName("origins")
  class OriginTracking {
    /** Line numbers in the comments; the block scalar lines carry none. */
    private static final String FIXTURE =
        """
        worker:                            # 1
          replicaCount: 3                  # 2
          podLabels: {team: x, tier: 'y'}  # 3
          config:                          # 4
            workQueues:                    # 5
              - a                          # 6
              - "b"                        # 7
            name: &n shared                # 8
            jobNamespace: *n               # 9
          extraArgs: [--x, --y]            # 10
          initContainer:                   # 11
            extraEnvVars:                  # 12
              - name: A                    # 13
                value: "1"                 # 14
          cloudApiConfig:                  # 15
            accountId: |                   # 16
              multi
              line
            workspaceId: >-                # 19
              folded
        base: &base                        # 21
          cpu: 1                           # 22
          memory: 2                        # 23
        copy: *base                        # 24
        merged:                            # 25
          <<: *base                        # 26
          memory: 3                        # 27
        """;

    private LoadedValues fixture;
    private String name;

    @BeforeEach
    void readFixture() throws Exception {
      Path f = file("fixture.yaml", FIXTURE);
      name = f.toString();
      fixture = ValuesLoaderTest.load(ValueInputs.ofFiles(f));
    }

    private static String at(Optional<Origin> o) {
      return o.map(x -> x.line() + ":" + x.column()).orElse("none");
    }

    @ParameterizedTest(name = "{0}: value at {1}, key at {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            # block maps: a map's value starts at its first key
            /worker                                    | 2:3    | 1:1
            /worker/replicaCount                       | 2:17   | 2:3
            /worker/config                             | 5:5    | 4:3
            # flow maps
            /worker/podLabels                          | 3:14   | 3:3
            /worker/podLabels/team                     | 3:21   | 3:15
            /worker/podLabels/tier                     | 3:30   | 3:24
            # block and flow lists: an item's key origin is its value origin
            /worker/config/workQueues                  | 6:7    | 5:5
            /worker/config/workQueues/0                | 6:9    | 6:9
            /worker/config/workQueues/1                | 7:9    | 7:9
            /worker/extraArgs/1                        | 10:20  | 10:20
            /worker/initContainer/extraEnvVars/0       | 13:9   | 13:9
            /worker/initContainer/extraEnvVars/0/value | 14:16  | 14:9
            # multi-line strings: at the | or > indicator
            /worker/cloudApiConfig/accountId           | 16:16  | 16:5
            /worker/cloudApiConfig/workspaceId         | 19:18  | 19:5
            # anchors and aliases: the value where it was written, the key where it was used
            /worker/config/name                        | 8:11   | 8:5
            /worker/config/jobNamespace                | 8:11   | 9:5
            /base                                      | 21:7   | 21:1
            /copy                                      | 21:7   | 24:1
            /copy/cpu                                  | 22:8   | 22:3
            # << merge keys: merged keys from the anchor, the map's own keys where written
            /merged                                    | 26:3   | 25:1
            /merged/cpu                                | 22:8   | 22:3
            /merged/memory                             | 27:11  | 27:3
            """)
    void filePositions(String pointer, String value, String key) {
      assertAll(
          () -> assertEquals(value, at(fixture.origin(pointer)), "value of " + pointer),
          () -> assertEquals(key, at(fixture.keyOrigin(pointer)), "key of " + pointer),
          () -> assertEquals(Origin.Kind.FILE, fixture.origin(pointer).orElseThrow().kind()),
          () -> assertEquals(name, fixture.origin(pointer).orElseThrow().source()));
    }

    @Test
    @DisplayName("the fixture is read as intended (aliases, merge keys, block scalars)")
    void fixtureValues() {
      JsonNode t = fixture.tree();
      assertAll(
          () -> assertEquals("shared", t.at("/worker/config/jobNamespace").asText()),
          () -> assertJson("{\"cpu\":1,\"memory\":2}", t.at("/copy")),
          () -> assertJson("{\"cpu\":1,\"memory\":3}", t.at("/merged")),
          () -> assertEquals("multi\nline\n", t.at("/worker/cloudApiConfig/accountId").asText()),
          () -> assertEquals("folded", t.at("/worker/cloudApiConfig/workspaceId").asText()));
    }

    @Test
    @DisplayName("Windows line endings count lines the same way")
    void crlf() throws Exception {
      Path f = file("crlf.yaml", "worker:\r\n  replicaCount: 3\r\n");
      assertEquals(
          "2:17", at(ValuesLoaderTest.load(ValueInputs.ofFiles(f)).origin("/worker/replicaCount")));
    }

    @Test
    @DisplayName("a value from --set names the flag, its number, the argument and the column")
    void flagOrigin() throws Exception {
      Path f = file("f.yaml", "worker:\n  replicaCount: 2\n");
      LoadedValues v =
          ValuesLoaderTest.load(
              ValueInputs.builder()
                  .file(f)
                  .set("worker.image.debug=true")
                  .set("worker.podLabels.a=b,worker.replicaCount=3")
                  .build());
      Origin o = v.origin("/worker/replicaCount").orElseThrow();
      assertAll(
          () -> assertEquals(Origin.Kind.SET, o.kind()),
          () -> assertEquals("--set", o.source()),
          () -> assertEquals(2, o.flagIndex()),
          () -> assertEquals("worker.podLabels.a=b,worker.replicaCount=3", o.flagArgument()),
          () -> assertEquals(22, o.column()),
          () -> assertEquals(-1, o.line()),
          () -> assertEquals(o, v.keyOrigin("/worker/replicaCount").orElseThrow()),
          () -> assertEquals(o, v.nearestUserOrigin("/worker/replicaCount").orElseThrow()),
          () ->
              assertEquals(
                  "--set #1 (worker.image.debug=true)",
                  v.origin("/worker/image/debug").orElseThrow().describe()));
    }

    @Test
    @DisplayName("a later file's value carries the later file's position")
    void laterFileWins() throws Exception {
      Path a = file("a.yaml", "worker:\n  replicaCount: 2\n");
      Path b = file("b.yaml", "\n\nworker:\n    replicaCount: 3\n");
      LoadedValues v = ValuesLoaderTest.load(ValueInputs.ofFiles(a, b));
      Origin o = v.origin("/worker/replicaCount").orElseThrow();
      assertEquals(b.toString(), o.source());
      assertEquals("4:19", at(Optional.of(o)));
      assertEquals("4:5", at(v.keyOrigin("/worker/replicaCount")));
      assertEquals(b + ":4:19", o.describe());
    }

    @Test
    @DisplayName("values only in the defaults have DEFAULTS origins in the bundled values.yaml")
    void defaultsOrigins() throws Exception {
      Path f = file("f.yaml", "worker:\n  config:\n    workPool: p\n");
      LoadedValues v = ValuesLoaderTest.load(ValueInputs.ofFiles(f));
      List<String> lines = ValuesContract.defaultValuesYaml().lines().toList();
      int line = lines.indexOf("  replicaCount: 1") + 1;
      assertTrue(line > 0, "values.yaml has '  replicaCount: 1'");
      Origin o = v.origin("/worker/replicaCount").orElseThrow();
      assertAll(
          () -> assertEquals(Origin.Kind.DEFAULTS, o.kind()),
          () -> assertEquals(ValuesContract.DEFAULTS_NAME, o.source()),
          () -> assertEquals(line, o.line()),
          () -> assertEquals("  replicaCount: ".length() + 1, o.column()),
          () ->
              assertEquals(
                  Origin.Kind.FILE, v.origin("/worker/config/workPool").orElseThrow().kind()),
          () -> assertFalse(o.isFlag()));
    }

    @Test
    @DisplayName("with no user input, every value of the tree has a DEFAULTS origin")
    void everyDefaultHasAnOrigin() throws Exception {
      LoadedValues v = ValuesLoaderTest.load(ValueInputs.none());
      List<String> pointers = new ArrayList<>();
      collect(v.tree(), "", pointers);
      assertTrue(pointers.size() > 100, "walked " + pointers.size() + " values");
      for (String p : pointers) {
        Optional<Origin> o = v.origin(p);
        assertTrue(o.isPresent(), "no origin for " + p);
        assertEquals(Origin.Kind.DEFAULTS, o.get().kind(), p);
        assertTrue(o.get().line() > 0, p);
      }
      assertTrue(v.sources().isEmpty(), "the defaults are not a user source");
    }

    private void collect(JsonNode node, String pointer, List<String> out) {
      if (!pointer.isEmpty()) {
        out.add(pointer);
      }
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          collect(e.getValue(), Pointers.child(pointer, e.getKey()), out);
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collect(node.get(i), Pointers.index(pointer, i), out);
        }
      }
    }

    @Test
    @DisplayName("nearestUserOrigin finds the closest path the user wrote, never the defaults")
    void nearestUserOrigin() throws Exception {
      Path f = file("f.yaml", "worker:\n  config:\n    workPool: p\n");
      LoadedValues v =
          ValuesLoaderTest.load(
              ValueInputs.builder().file(f).set("worker.image.debug=true").build());
      assertAll(
          () -> assertEquals("3:5", at(v.nearestUserOrigin("/worker/config/workPool"))),
          () -> assertEquals("2:3", at(v.nearestUserOrigin("/worker/config/type"))),
          () -> assertEquals("2:3", at(v.nearestUserOrigin("/worker/config/nope/deeper"))),
          () -> assertEquals("1:1", at(v.nearestUserOrigin("/worker/replicaCount"))),
          () ->
              assertEquals(
                  Origin.Kind.SET, v.nearestUserOrigin("/worker/image/debug").orElseThrow().kind()),
          () ->
              assertEquals(
                  Origin.Kind.SET,
                  v.nearestUserOrigin("/worker/image/repository").orElseThrow().kind()),
          () -> assertTrue(v.nearestUserOrigin("/serviceAccount/name").isEmpty()),
          () -> assertTrue(v.nearestUserOrigin("").isEmpty()));
    }

    @Test
    @DisplayName("the text of every file read is kept for code frames")
    void sources() throws Exception {
      Path f = file("f.yaml", "worker:\n  replicaCount: 3\n");
      LoadedValues v = ValuesLoaderTest.load(ValueInputs.ofFiles(f));
      SourceText s = v.source(f.toString()).orElseThrow();
      assertEquals("  replicaCount: 3", s.line(2));
      assertEquals(1, v.sources().size());
    }
  }

  @Nested
  @DisplayName("files that mean no overrides")
  class NoOverrides {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            an empty file              | ``
            only comments              | # nothing here\\n# at all\\n
            only blank lines           | \\n\\n  \\n
            a lone document marker     | ---\\n
            only null                  | ~\\n
            an empty map               | {}\\n
            """)
    void givesTheDefaults(String what, String content) throws Exception {
      Path f = file("f.yaml", content.replace("\\n", "\n"));
      LoadedValues v = load(ValueInputs.ofFiles(f));
      assertEquals(defaults, v.tree(), what);
      assertTrue(v.userTree().isEmpty(), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            a trailing empty document   | worker:\\n  replicaCount: 3\\n---\\n
            a trailing comment document | worker:\\n  replicaCount: 3\\n---\\n# end\\n
            a leading marker            | ---\\nworker:\\n  replicaCount: 3\\n
            an end marker               | worker:\\n  replicaCount: 3\\n...\\n
            """)
    @DisplayName("document markers around one document are fine")
    void oneDocument(String what, String content) throws Exception {
      Path f = file("f.yaml", content.replace("\\n", "\n"));
      assertEquals(
          3, load(ValueInputs.ofFiles(f)).tree().at("/worker/replicaCount").intValue(), what);
    }
  }

  @Test
  @DisplayName("a UTF-8 byte-order mark is dropped")
  void utf8Bom() throws Exception {
    byte[] text = "worker:\n  replicaCount: 3\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    LoadedValues v = load(ValueInputs.ofFiles(file("bom.yaml", withBom)));
    assertEquals(3, v.tree().at("/worker/replicaCount").intValue());
    assertEquals(
        "2:17", v.origin("/worker/replicaCount").map(o -> o.line() + ":" + o.column()).orElse(""));
  }

  /** A file that must be rejected with one problem. */
  record Bad(String what, byte[] content, String code, int line, int column, String fragment) {
    static Bad of(String what, String content, String code, int line, int column, String fragment) {
      return new Bad(what, content.getBytes(StandardCharsets.UTF_8), code, line, column, fragment);
    }

    @Override
    public String toString() {
      return what + " -> " + code;
    }
  }

  static Stream<Bad> badFiles() {
    String deepMaps = nestedMaps(65);
    StringBuilder laughs =
        new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [");
      laughs.append(String.join(", ", Collections.nCopies(9, "*" + p))).append("]\n");
    }
    String manyAliases =
        "a: &a [x]\nb: [" + String.join(", ", Collections.nCopies(150, "*a")) + "]\n";
    byte[] utf16le = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16be = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16BE);
    byte[] latin1 = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] big = new byte[ValuesLoader.MAX_FILE_BYTES + 1];
    Arrays.fill(big, (byte) '#');
    return Stream.of(
        Bad.of(
            "bad indentation",
            "a:\n  b: 1\n c: 2\n",
            "input.yaml-syntax",
            3,
            2,
            "YAML syntax error"),
        Bad.of(
            "unclosed flow list",
            "a: [1, 2\nb: 3\n",
            "input.yaml-syntax",
            2,
            2,
            "YAML syntax error"),
        Bad.of("tab indentation", "a:\n\tb: 1\n", "input.yaml-syntax", 2, 1, "TAB"),
        Bad.of(
            "duplicate key",
            "a: 1\nb:\n  c: 1\n  c: 2\n",
            "input.yaml-duplicate-key",
            4,
            3,
            "first defined at line 3"),
        Bad.of("root is a list", "- a\n- b\n", "input.yaml-root-not-map", 1, 1, "found a list"),
        Bad.of(
            "root is a scalar", "hello\n", "input.yaml-root-not-map", 1, 1, "found a single value"),
        Bad.of("root is a number", "42\n", "input.yaml-root-not-map", 1, 1, "found a single value"),
        Bad.of(
            "several documents",
            "a: 1\n---\nb: 2\n",
            "input.yaml-multiple-documents",
            3,
            1,
            "put each in its own file"),
        new Bad("not UTF-8", latin1, "input.not-utf8", 2, -1, "not valid UTF-8"),
        new Bad("UTF-16LE with BOM", utf16le, "input.not-utf8", -1, -1, "UTF-16"),
        new Bad("UTF-16BE with BOM", utf16be, "input.not-utf8", -1, -1, "UTF-16"),
        Bad.of("NUL byte", "a: 1\u0000\n", "input.binary", -1, -1, "NUL"),
        Bad.of("unknown tag", "a: !foo x\n", "input.yaml-syntax", 1, 4, "!foo"),
        Bad.of("undefined alias", "a: *x\n", "input.yaml-syntax", 1, 4, "undefined alias"),
        Bad.of("list as a key", "? [a]\n: 1\n", "input.yaml-complex-key", 1, 3, "found a list"),
        Bad.of("merge key of a number", "a:\n  <<: 1\n", "input.yaml-syntax", 2, 7, "merge"),
        Bad.of("65 nested maps", deepMaps, "input.yaml-depth-limit", -2, -2, "64 levels"),
        Bad.of(
            "5000 nested flow lists",
            "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n",
            "input.yaml-depth-limit",
            -2,
            -2,
            "64 levels"),
        Bad.of("billion laughs", laughs.toString(), "input.yaml-alias-limit", -1, -1, "alias bomb"),
        Bad.of(
            "150 aliases to a list", manyAliases, "input.yaml-alias-limit", -1, -1, "alias bomb"),
        new Bad("file over 8 MiB", big, "input.too-large", -1, -1, "8 MiB"));
  }

  /** {@code n} nested maps with a scalar at depth {@code n}. */
  static String nestedMaps(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n - 1; i++) {
      sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    return sb.append("  ".repeat(n - 1)).append("v: 1\n").toString();
  }

  @Nested
  @DisplayName("malformed input: one clear problem, never another exception, never a hang")
  class Malformed {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pwk.values.ValuesLoaderTest#badFiles")
    void rejects(Bad bad) throws IOException {
      Path f = file("bad.yaml", bad.content());
      List<Finding> p = problems(ValueInputs.ofFiles(f));
      assertEquals(1, p.size(), p.toString());
      Finding problem = p.get(0);
      assertAll(
          () -> assertEquals(bad.code(), problem.ruleId(), problem.toString()),
          () -> assertEquals(f.toString(), problem.file()),
          // -2: a position is optional for this problem
          () ->
              assertTrue(
                  bad.line() == -2 || bad.line() == problem.line(), "line " + problem.line()),
          () ->
              assertTrue(
                  bad.column() == -2 || bad.column() == problem.column(),
                  "column " + problem.column()),
          () -> assertTrue(problem.message().contains(bad.fragment()), problem.message()));
    }

    @Test
    @DisplayName("64 nested maps are fine")
    void deepestAllowed() throws Exception {
      Path f = file("deep.yaml", nestedMaps(64));
      JsonNode t = load(ValueInputs.ofFiles(f)).tree();
      assertEquals(
          1,
          t.at(
                  "/k0/k1/k2/k3/k4/k5/k6/k7/k8/k9/k10/k11/k12/k13/k14/k15/k16/k17/k18/k19/k20/k21/k22/k23/k24/k25/k26/k27/k28/k29/k30/k31/k32/k33/k34/k35/k36/k37/k38/k39/k40/k41/k42/k43/k44/k45/k46/k47/k48/k49/k50/k51/k52/k53/k54/k55/k56/k57/k58/k59/k60/k61/k62/v")
              .intValue());
    }

    @Test
    @DisplayName("a directory is input.unreadable")
    void directory() throws IOException {
      Path d = Files.createDirectory(dir.resolve("values.yaml"));
      List<Finding> p = problems(ValueInputs.ofFiles(d));
      assertEquals("input.unreadable", p.get(0).ruleId());
      assertEquals(d.toString(), p.get(0).file());
      assertTrue(p.get(0).message().contains("directory"), p.get(0).message());
    }

    @Test
    @DisplayName("a missing file is input.not-found")
    void missing() {
      Path m = dir.resolve("missing.yaml");
      List<Finding> p = problems(ValueInputs.ofFiles(m));
      assertEquals(1, p.size());
      assertEquals("input.not-found", p.get(0).ruleId());
      assertEquals(m.toString(), p.get(0).file());
    }

    @Test
    @DisplayName("a --set-file payload over 8 MiB is input.too-large")
    void setFileTooLarge() throws IOException {
      byte[] big = new byte[ValuesLoader.MAX_FILE_BYTES + 1];
      Arrays.fill(big, (byte) 'x');
      Path f = file("big.txt", big);
      List<Finding> p = problems(ValueInputs.builder().setFile("a=" + f).build());
      assertEquals("input.too-large", p.get(0).ruleId());
    }

    @Test
    @DisplayName("several bad inputs report every problem, in the order Helm reads them")
    void severalAtOnce() throws IOException {
      Path list = file("list.yaml", "- a\n");
      Path missing = dir.resolve("missing.yaml");
      Path broken = file("broken.yaml", "a: [\n");
      Path fine = file("fine.yaml", "a: 1\n");
      List<Finding> p =
          problems(
              ValueInputs.builder()
                  .set("x")
                  .file(list)
                  .file(fine)
                  .file(missing)
                  .file(broken)
                  .build());
      assertEquals(
          List.of(
              "input.yaml-root-not-map",
              "input.not-found",
              "input.yaml-syntax",
              "input.set-syntax"),
          p.stream().map(Finding::ruleId).toList());
      assertEquals(
          List.of(list.toString(), missing.toString(), broken.toString(), "--set"),
          p.stream().map(Finding::file).toList());
    }
  }

  @Nested
  @DisplayName("map keys are typed like Helm's")
  class MapKeys {

    @ParameterizedTest(name = "key {0} -> \"{1}\"")
    @CsvSource({"on, true", "yes, true", "n, false", "0x10, 16", "1.5, 1.5"})
    @DisplayName("plain keys are typed by go-yaml and printed back as text, as Helm does")
    void plainKeysAreTypedLikeHelm(String key, String helmKey) throws Exception {
      Path f = file("keys.yaml", "commonLabels:\n  " + key + ": x\n");
      JsonNode labels = load(ValueInputs.ofFiles(f)).tree().get("commonLabels");
      assertNotNull(labels.get(helmKey), labels.toString());
    }
  }
}
