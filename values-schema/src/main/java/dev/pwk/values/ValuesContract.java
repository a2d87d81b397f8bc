package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    try {
      JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(yaml);
      List<String> sources = new ArrayList<>();
      n.path("sources").forEach(s -> sources.add(s.asText()));
      List<ChartInfo.Maintainer> maintainers = new ArrayList<>();
      n.path("maintainers")
          .forEach(
              m ->
                  maintainers.add(
                      new ChartInfo.Maintainer(
                          m.path("name").asText(""),
                          m.path("email").asText(""),
                          m.path("url").asText(""))));
      List<ChartInfo.Dependency> deps = new ArrayList<>();
      n.path("dependencies")
          .forEach(
              d ->
                  deps.add(
                      new ChartInfo.Dependency(
                          d.path("name").asText(""),
                          d.path("repository").asText(""),
                          d.path("version").asText(""))));
      return new ChartInfo(
          n.path("apiVersion").asText(),
          n.path("name").asText(),
          n.path("version").asText(),
          n.path("appVersion").asText(),
          n.path("description").asText(),
          n.path("type").asText(),
          n.path("home").asText(),
          sources,
          maintainers,
          deps);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled Chart.yaml is unreadable", e);
    }
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
