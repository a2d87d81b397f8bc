package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled contract of the released prefect-worker chart: default values (with their helm-docs
 * comments), the JSON schema (draft-07) and the chart metadata.
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
    // The values reader rather than SnakeYAML's Yaml facade, whose representer, bean
    // introspection and logger slow every start (docs/performance.md); and no Jackson
    // ObjectMapper either.
    JsonNode n;
    try {
      n = YamlFileReader.readText("Chart.yaml", yaml, Origin.Kind.DEFAULTS).tree();
    } catch (ValuesException e) {
      throw new IllegalStateException("the bundled Chart.yaml is unreadable", e);
    }
    List<ChartInfo.Maintainer> maintainers = new ArrayList<>();
    for (JsonNode m : n.path("maintainers")) {
      maintainers.add(new ChartInfo.Maintainer(text(m, "name"), text(m, "email"), text(m, "url")));
    }
    List<ChartInfo.Dependency> deps = new ArrayList<>();
    for (JsonNode d : n.path("dependencies")) {
      deps.add(
          new ChartInfo.Dependency(
              text(d, "name"), text(d, "repository"), text(d, "version"), text(d, "alias")));
    }
    List<String> sources = new ArrayList<>();
    n.path("sources").forEach(s -> sources.add(s.asText()));
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
        deps,
        text(n, "kubeVersion"),
        n.path("deprecated").asBoolean(false));
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? "" : v.asText();
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
