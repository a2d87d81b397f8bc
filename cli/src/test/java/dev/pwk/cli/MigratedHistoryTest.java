package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pwk.values.testing.HistoricalChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default values.yaml of every distinct chart release since 2023, migrated in place by {@code
 * pwk migrate --write}, is then current for {@code --check} and renders with the current chart.
 */
@DisplayName("pwk migrate --write on every historical default file, then pwk template")
class MigratedHistoryTest {

  static Stream<String> releases() {
    return HistoricalChart.distinctReleases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  void migratedDefaultsRender(String release, @TempDir Path dir) throws Exception {
    Path values = dir.resolve("values.yaml");
    Files.writeString(values, HistoricalChart.of(release).valuesYaml(), StandardCharsets.UTF_8);
    Path required =
        HistoricalChart.dir().resolveSibling("migrate-semantics").resolve("required.yaml");

    CliRun write = CliRun.of("migrate", "--write", values.toString());
    assertEquals(0, write.exitCode(), write.toString());
    CliRun check = CliRun.of("migrate", "--check", values.toString());
    assertEquals(0, check.exitCode(), check.toString());
    CliRun template = CliRun.of("template", "-f", values.toString(), "-f", required.toString());
    assertEquals(0, template.exitCode(), template.err());
  }
}
