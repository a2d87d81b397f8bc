package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pwk.values.testing.HistoricalChart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one released chart accepts, derived from its archive: the kind of value at every key path of
 * its defaults and schema, and the {@code worker.apiConfig} values its schema (or, before the
 * schema listed them, its templates) accept. The source of {@code history/layouts.tsv} and of the
 * check that every contract change has a rule.
 *
 * @param release the chart version
 * @param paths kind by dotted key path
 * @param apiConfigs accepted {@code worker.apiConfig} values
 * @param defaults the default values
 */
record ReleaseContract(
    String release,
    Map<String, ChartHistory.Kind> paths,
    TreeSet<String> apiConfigs,
    JsonNode defaults) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE_API_CONFIG = Pattern.compile("apiConfig \"(\\w+)\"");

  static ReleaseContract of(HistoricalChart chart) {
    JsonNode defaults;
    JsonNode schema;
    try {
      defaults =
          YamlFileReader.readText("values.yaml", chart.valuesYaml(), Origin.Kind.DEFAULTS).tree();
      schema = chart.schemaJson() == null ? null : JSON.readTree(chart.schemaJson());
    } catch (ValuesException | IOException e) {
      throw new IllegalStateException(chart.release() + " is unreadable", e);
    }
    Map<String, ChartHistory.Kind> paths = new TreeMap<>();
    fromDefaults(defaults, "", paths);
    if (schema != null) {
      fromSchema(schema, "", paths);
    }
    TreeSet<String> apiConfigs = new TreeSet<>();
    JsonNode apiEnum =
        schema == null ? null : schema.at("/properties/worker/properties/apiConfig/enum");
    if (apiEnum != null && apiEnum.isArray()) {
      apiEnum.forEach(v -> apiConfigs.add(v.asText()));
    } else {
      Matcher m = TEMPLATE_API_CONFIG.matcher(chart.templates());
      while (m.find()) {
        apiConfigs.add(m.group(1));
      }
    }
    return new ReleaseContract(chart.release(), paths, apiConfigs, defaults);
  }

  private static void fromDefaults(
      JsonNode node, String prefix, Map<String, ChartHistory.Kind> out) {
    node.fields()
        .forEachRemaining(
            e -> {
              String path = join(prefix, e.getKey());
              JsonNode v = e.getValue();
              out.put(
                  path,
                  v.isObject()
                      ? ChartHistory.Kind.MAP
                      : v.isNull() ? ChartHistory.Kind.ANY : ChartHistory.Kind.VALUE);
              if (v.isObject()) {
                fromDefaults(v, path, out);
              }
            });
  }

  /** The schema's declared type wins over the default's, which may be null. */
  private static void fromSchema(
      JsonNode schema, String prefix, Map<String, ChartHistory.Kind> out) {
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              String path = join(prefix, e.getKey());
              JsonNode type = e.getValue().get("type");
              if (type != null) {
                List<String> types = new ArrayList<>();
                if (type.isArray()) {
                  type.forEach(t -> types.add(t.asText()));
                } else {
                  types.add(type.asText());
                }
                types.remove("null");
                ChartHistory.Kind kind =
                    !types.contains("object")
                        ? ChartHistory.Kind.VALUE
                        : types.size() == 1 ? ChartHistory.Kind.MAP : ChartHistory.Kind.ANY;
                out.put(path, kind);
              } else {
                out.putIfAbsent(path, ChartHistory.Kind.ANY);
              }
              fromSchema(e.getValue(), path, out);
            });
  }

  private static String join(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  /** The default at a dotted path, or a missing node. */
  JsonNode defaultAt(String dottedPath) {
    JsonNode n = defaults;
    for (String key : dottedPath.split("\\.")) {
      n = n.path(key);
    }
    return n;
  }

  /** {@code history/layouts.tsv} for these contracts (oldest first). */
  static String layoutsTsv(List<ReleaseContract> contracts) {
    Map<String, BitSet> rows = new TreeMap<>();
    for (int i = 0; i < contracts.size(); i++) {
      int index = i;
      ReleaseContract c = contracts.get(i);
      c.paths()
          .forEach(
              (path, kind) ->
                  rows.computeIfAbsent(
                          path + "\t" + kind.name().toLowerCase(java.util.Locale.ROOT),
                          k -> new BitSet())
                      .set(index));
      for (String v : c.apiConfigs()) {
        rows.computeIfAbsent("worker.apiConfig=" + v + "\tvalue", k -> new BitSet()).set(index);
      }
    }
    StringBuilder b =
        new StringBuilder(
            "# Generated by ChartHistoryDataTest from the chart archives"
                + " (-Dpwk.golden.update=true).\n"
                + "# key path, the kind of value (map, value or any), the releases that know it\n");
    rows.forEach(
        (row, set) -> {
          List<String> ranges = new ArrayList<>();
          for (int from = set.nextSetBit(0); from >= 0; ) {
            int to = set.nextClearBit(from) - 1;
            String a = contracts.get(from).release();
            String z = contracts.get(to).release();
            ranges.add(a.equals(z) ? a : a + ".." + z);
            from = set.nextSetBit(to + 1);
          }
          b.append(row).append('\t').append(String.join(",", ranges)).append('\n');
        });
    return b.toString();
  }

  /**
   * The changes from this contract to the next one that can make a file written for this one wrong:
   * a key path that disappears, a map that becomes a value or a value that becomes a map, an
   * apiConfig value no longer accepted. Added keys and relaxed types are not listed.
   */
  List<String> breakingChangesTo(ReleaseContract next) {
    List<String> changes = new ArrayList<>();
    paths.forEach(
        (path, kind) -> {
          ChartHistory.Kind after = next.paths().get(path);
          if (after == null) {
            changes.add("removed " + path);
          } else if (after != kind
              && after != ChartHistory.Kind.ANY
              && kind != ChartHistory.Kind.ANY) {
            changes.add("retyped " + path);
          }
        });
    for (String v : apiConfigs) {
      if (!next.apiConfigs().contains(v)) {
        changes.add("removed worker.apiConfig=" + v);
      }
    }
    return changes;
  }
}
