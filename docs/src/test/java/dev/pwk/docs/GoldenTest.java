package dev.pwk.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pwk.values.ChartInfo;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases, one folder each under {@code golden/}: {@code template.gotmpl}, {@code values.yaml}
 * and {@code expected.md} are required; {@code chart.yaml} is optional and defaults to {@code
 * golden/chart.yaml}. The {@code call-*} cases cover each template call, {@code syntax-*} the
 * template language and {@code values-*} one Values table rule each.
 */
class GoldenTest {
  private static final String[] REQUIRED = {"template.gotmpl", "values.yaml", "expected.md"};

  @TestFactory
  @DisplayName("every golden case renders its expected output, twice identically")
  Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
    Path root = Path.of(GoldenTest.class.getResource("golden").toURI());
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      dirs.filter(Files::isDirectory).sorted().forEach(cases::add);
    }
    assertTrue(cases.size() >= 30, "golden cases found: " + cases.size());
    return cases.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(root, dir)));
  }

  private static void check(Path root, Path dir) throws Exception {
    for (String name : REQUIRED) {
      assertTrue(Files.isRegularFile(dir.resolve(name)), dir.getFileName() + " lacks " + name);
    }
    Path chartFile = dir.resolve("chart.yaml");
    ChartInfo chart =
        readChart(Files.isRegularFile(chartFile) ? chartFile : root.resolve("chart.yaml"));
    String template = read(dir.resolve("template.gotmpl"));
    String values = read(dir.resolve("values.yaml"));
    DocsGenerator generator = DocsGenerator.create();
    String first = generator.render(template, values, chart);
    assertEquals(read(dir.resolve("expected.md")), first);
    assertEquals(first, generator.render(template, values, chart), "rendering is repeatable");
  }

  static ChartInfo readChart(Path file) throws IOException {
    JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    List<ChartInfo.Maintainer> maintainers = new ArrayList<>();
    n.path("maintainers")
        .forEach(
            m ->
                maintainers.add(
                    new ChartInfo.Maintainer(
                        m.path("name").asText(""),
                        m.path("email").asText(""),
                        m.path("url").asText(""))));
    List<ChartInfo.Dependency> dependencies = new ArrayList<>();
    n.path("dependencies")
        .forEach(
            d ->
                dependencies.add(
                    new ChartInfo.Dependency(
                        d.path("name").asText(""),
                        d.path("repository").asText(""),
                        d.path("version").asText(""),
                        d.path("alias").asText(""))));
    List<String> sources = new ArrayList<>();
    n.path("sources").forEach(s -> sources.add(s.asText()));
    return new ChartInfo(
        "v2",
        n.path("name").asText(""),
        n.path("version").asText(""),
        n.path("appVersion").asText(""),
        n.path("description").asText(""),
        n.path("type").asText(""),
        n.path("home").asText(""),
        sources,
        maintainers,
        dependencies,
        n.path("kubeVersion").asText(""),
        n.path("deprecated").asBoolean(false));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
