package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pwk.values.testing.HistoricalChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Migration keeps what a file means: the default values.yaml of every distinct release, with the
 * values its era requires, rendered by helm with that release's chart, and migrated, with the
 * current chart. The worker containers (image aside) and the pod's volumes must agree, except where
 * a chart change listed in the migration report ({@link Migration#workerChanges()}) says otherwise.
 * Needs helm: run by {@code tools/migrate-oracle-tests} ({@code -Poracle}).
 */
@Tag("oracle")
@DisplayName("A migrated historical default file renders the same worker with the current chart")
class MigrationSemanticsTest {
  private static final Path ROOT = Path.of("..");
  private static final Path CURRENT_CHART =
      Path.of(
          "src/test/resources/charts/prefect-worker-" + ValuesContract.chart().version() + ".tgz");

  @Test
  @DisplayName(
      "every difference is a chart change the report lists, and every listed change occurs")
  void workerKeepsItsMeaning(@TempDir Path dir) throws Exception {
    HelmTemplate helm = HelmTemplate.fromRepository(ROOT);
    String required =
        Files.readString(Path.of("src/test/resources/migrate-semantics/required.yaml"));
    ValuesMigrator migrator = new ValuesMigrator();
    List<String> unexplained = new ArrayList<>();
    Set<WorkerChange> used = new HashSet<>();
    for (String release : HistoricalChart.distinctReleases()) {
      String defaults = HistoricalChart.of(release).valuesYaml();
      Migration m = migrator.migrate("values.yaml", defaults, null);
      Map<String, Object> before =
          worker(helm.render(HistoricalChart.archive(release), defaults, required));
      Map<String, Object> after = worker(helm.render(CURRENT_CHART, m.migrated(), required));
      for (String field : differences(before, after)) {
        List<WorkerChange> why =
            m.workerChanges().stream()
                .filter(w -> field.equals(w.field()) || field.startsWith(w.field() + "."))
                .toList();
        if (why.isEmpty()) {
          unexplained.add(
              release + ": " + field + ": " + before.get(field) + " -> " + after.get(field));
        }
        used.addAll(why);
      }
    }
    assertEquals(List.of(), unexplained, "differences no worker-changes.tsv line explains");
    List<WorkerChange> unused =
        ChartHistory.load().workerChanges().stream().filter(w -> !used.contains(w)).toList();
    assertEquals(List.of(), unused, "worker-changes.tsv lines that explain no difference");
  }

  private static Set<String> differences(Map<String, Object> a, Map<String, Object> b) {
    Set<String> fields = new TreeSet<>(a.keySet());
    fields.addAll(b.keySet());
    fields.removeIf(f -> Objects.equals(a.get(f), b.get(f)));
    return fields;
  }

  /**
   * The worker container of the Deployment (image aside) with the pod's volumes, flattened to
   * dotted fields; list items with a name are keyed by it ({@code env.PREFECT_API_URL.value}).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> worker(String manifests) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (Object doc : yaml.loadAll(manifests)) {
      if (doc instanceof Map<?, ?> d && "Deployment".equals(d.get("kind"))) {
        Map<String, Object> pod =
            (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) d.get("spec")).get("template"))
                    .get("spec");
        for (Object c : (List<Object>) pod.get("containers")) {
          Map<String, Object> container = new LinkedHashMap<>((Map<String, Object>) c);
          if ("prefect-worker".equals(container.get("name"))) {
            container.remove("name");
            container.remove("image");
            container.remove("imagePullPolicy");
            container.put("volumes", pod.get("volumes"));
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", container, flat);
            return flat;
          }
        }
      }
    }
    throw new AssertionError("no prefect-worker container in the rendered Deployment");
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object value, Map<String, Object> out) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
    } else if (value instanceof List<?> list
        && !list.isEmpty()
        && list.stream().allMatch(i -> i instanceof Map<?, ?> im && im.get("name") != null)) {
      for (Object item : list) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) item);
        Object name = copy.remove("name");
        flatten(prefix + "." + name, copy, out);
      }
    } else if (value != null) {
      out.put(prefix, value);
    }
  }
}
