package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.pwk.values.testing.HistoricalChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The chart history data agrees with the released chart archives")
class ChartHistoryDataTest {
  private static final Path LAYOUTS =
      Path.of("src/main/resources/dev/pwk/values/history/layouts.tsv");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<ReleaseContract> contracts;
  private static ChartHistory history;

  @BeforeAll
  static void derive() {
    contracts = HistoricalChart.all().stream().map(ReleaseContract::of).toList();
    history = ChartHistory.load();
  }

  @Test
  @DisplayName("layouts.tsv is what the archives give (regenerate with -Dpwk.golden.update=true)")
  void layoutsAreDerived() throws IOException {
    String fresh = ReleaseContract.layoutsTsv(contracts);
    if (Boolean.getBoolean("pwk.golden.update")) {
      Files.writeString(LAYOUTS, fresh, StandardCharsets.UTF_8);
    }
    assertEquals(fresh, Files.readString(LAYOUTS, StandardCharsets.UTF_8), "layouts.tsv is stale");
  }

  @Test
  @DisplayName("releases.tsv is the history's index, and names one archive per distinct release")
  void releasesAreTheIndex() {
    assertEquals(
        HistoricalChart.resourceText("index.tsv"), ValuesContract.resource("history/releases.tsv"));
    assertEquals(58, history.distinctReleases().size());
    assertEquals(280, history.releases().size());
    assertEquals(
        Optional.of(history.current()), history.distinctOf(ValuesContract.chart().version()));
  }

  static Stream<Arguments> rules() {
    return ChartHistory.load().rules().stream().map(r -> Arguments.of(r.describe(), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @DisplayName("each rule states a change the archives show, in the release it names")
  void ruleMatchesTheArchives(String name, MigrationRule rule) throws IOException {
    int at = history.indexOf(rule.release());
    assertTrue(at > 0, "a rule needs a release before it: " + rule.release());
    ReleaseContract before = contracts.get(at - 1);
    ReleaseContract after = contracts.get(at);
    String path = rule.keyPath();
    switch (rule.change()) {
      case RENAME -> {
        assertTrue(before.paths().containsKey(path), path + " in " + before.release());
        assertFalse(after.paths().containsKey(path), path + " still in " + after.release());
        assertTrue(after.paths().containsKey(rule.argument()), rule.argument() + " missing");
      }
      case REMOVE -> {
        assertTrue(before.paths().containsKey(path), path + " in " + before.release());
        assertFalse(after.paths().containsKey(path), path + " still in " + after.release());
        JsonNode byDefault = before.defaultAt(path);
        assertEquals(
            JSON.readTree(rule.argument()),
            byDefault.isMissingNode() ? NullNode.getInstance() : byDefault,
            "default");
      }
      case WRAP -> {
        assertEquals(ChartHistory.Kind.VALUE, before.paths().get(path), path + " before");
        assertEquals(ChartHistory.Kind.MAP, after.paths().get(path), path + " after");
        assertTrue(after.paths().containsKey(path + "." + rule.argument()), rule.argument());
      }
      case VALUE -> {
        if (path.equals("worker.apiConfig")) {
          assertTrue(before.apiConfigs().contains(rule.oldValue()), before.apiConfigs().toString());
          assertFalse(after.apiConfigs().contains(rule.oldValue()), after.apiConfigs().toString());
          assertTrue(after.apiConfigs().contains(rule.argument()), after.apiConfigs().toString());
        } else {
          assertEquals(rule.oldValue(), before.defaultAt(path).asText(), "default before");
          JsonNode now = after.defaultAt(path);
          assertEquals(rule.argument(), now.isNull() ? "null" : now.asText(), "default after");
        }
      }
    }
  }

  static Stream<Arguments> consecutiveReleases() {
    List<String> names = HistoricalChart.distinctReleases();
    return IntStream.range(1, names.size())
        .mapToObj(i -> Arguments.of(names.get(i - 1) + " -> " + names.get(i), i));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consecutiveReleases")
  @DisplayName("every contract change between consecutive releases has a rule")
  void everyChangeHasARule(String name, int index) {
    List<String> missing =
        uncovered(contracts.get(index - 1), contracts.get(index), history.rules());
    if (!missing.isEmpty()) {
      fail(name + " changes the contract with no rule in history/migrations.tsv: " + missing);
    }
  }

  @Test
  @DisplayName("a new release that drops a key no rule covers is reported")
  void uncoveredChangeIsReported() {
    ReleaseContract last = contracts.get(contracts.size() - 1);
    Map<String, ChartHistory.Kind> paths = new TreeMap<>(last.paths());
    paths.remove("worker.config.jobNamespace");
    paths.put("worker.config.type", ChartHistory.Kind.MAP);
    TreeSet<String> apiConfigs = new TreeSet<>(last.apiConfigs());
    apiConfigs.remove("selfHostedServer");
    ReleaseContract next = new ReleaseContract("2099.1.1", paths, apiConfigs, last.defaults());
    assertEquals(
        List.of(
            "removed worker.config.jobNamespace",
            "retyped worker.config.type",
            "removed worker.apiConfig=selfHostedServer"),
        uncovered(last, next, history.rules()));
  }

  /** The breaking changes from one release to the next that no rule of the next one covers. */
  static List<String> uncovered(
      ReleaseContract before, ReleaseContract after, List<MigrationRule> rules) {
    List<String> missing = new ArrayList<>();
    for (String change : before.breakingChangesTo(after)) {
      String path = change.substring(change.indexOf(' ') + 1);
      boolean covered =
          rules.stream()
              .filter(r -> r.release().equals(after.release()))
              .anyMatch(r -> covers(r, change.startsWith("retyped"), path));
      if (!covered) {
        missing.add(change);
      }
    }
    return missing;
  }

  private static boolean covers(MigrationRule rule, boolean retyped, String path) {
    return switch (rule.change()) {
      case WRAP -> retyped && rule.keyPath().equals(path);
      case VALUE -> !retyped && rule.path().equals(path);
      case RENAME, REMOVE ->
          !retyped && (path.equals(rule.keyPath()) || path.startsWith(rule.keyPath() + "."));
    };
  }
}
