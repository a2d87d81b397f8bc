package dev.pwk.values;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The bundled contract of the released prefect-worker chart: default values (with their
 * helm-docs comments), the JSON schema (draft-07) and the chart metadata.
 */
public final class ValuesContract {
  /** Display name used for origins that point into the chart defaults. */
  public static final String DEFAULTS_NAME = "values.yaml (chart defaults)";

  private static volatile ChartInfo chart;

  private ValuesContract() {}

  /** The default {@code values.yaml} of the released chart, comments included. */
  public static String defaultValuesYaml() {
    return resource("values.yaml");
  }

  /** The JSON schema of the values, declared as draft-07. */
  public static String schemaJson() {
    return resource("values.schema.json");
  }

  /** The released {@code Chart.yaml}. */
  public static String chartYaml() {
    return resource("Chart.yaml");
  }

  /** The released chart's metadata. */
  public static ChartInfo chart() {
    ChartInfo c = chart;
    if (c == null) {
      c = parseChart(chartYaml());
      chart = c;
    }
    return c;
  }

  private static ChartInfo parseChart(String yaml) {
    // SnakeYAML directly: building a Jackson ObjectMapper here would cost every command start-up.
    Map<String, Object> n = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    List<ChartInfo.Maintainer> maintainers = new ArrayList<>();
    for (Map<String, Object> m : maps(n.get("maintainers"))) {
      maintainers.add(new ChartInfo.Maintainer(text(m, "name"), text(m, "email"), text(m, "url")));
    }
    List<ChartInfo.Dependency> deps = new ArrayList<>();
    for (Map<String, Object> d : maps(n.get("dependencies"))) {
      deps.add(
          new ChartInfo.Dependency(text(d, "name"), text(d, "repository"), text(d, "version")));
    }
    List<String> sources = new ArrayList<>();
    if (n.get("sources") instanceof List<?> list) {
      list.forEach(s -> sources.add(String.valueOf(s)));
    }
    return new ChartInfo(
        text(n, "apiVersion"),
        text(n, "name"),
        text(n, "version"),
        text(n, "appVersion"),
        text(n, "description"),
        text(n, "type"),
        text(n, "home"),
        sources,
        maintainers,
        deps);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (list instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map<?, ?> m) {
          out.add((Map<String, Object>) m);
        }
      }
    }
    return out;
  }

  private static String text(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v == null ? "" : String.valueOf(v);
  }

  static String resource(String name) {
    try (InputStream in = ValuesContract.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled resource " + name + " is unreadable", e);
    }
  }
}
