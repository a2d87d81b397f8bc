package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pwk.values.ChartHistory;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Migration;
import dev.pwk.values.MigrationRule;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.ValuesMigrator;
import dev.pwk.values.testing.HistoricalChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default values.yaml of every distinct chart release since 2023 (what most users copy and
 * edit): detected as written for that release, migrated, and then read by the current chart.
 */
@DisplayName("Every historical default values.yaml migrates to a file the current chart accepts")
class HistoricalDefaultsMigrationTest {
  private static Schema schema;
  private static ChartHistory history;

  @BeforeAll
  static void compile() {
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
    schema = registry.getSchema(ValuesContract.schemaJson(), InputFormat.JSON);
    history = ChartHistory.load();
  }

  static Stream<String> releases() {
    return HistoricalChart.distinctReleases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  @DisplayName("detected, migrated once for all, and valid for the current schema")
  void migrates(String release, @TempDir Path dir) throws Exception {
    String defaults = HistoricalChart.of(release).valuesYaml();
    ValuesMigrator migrator = new ValuesMigrator();
    Migration m = migrator.migrate("values.yaml", defaults, null);
    assertTrue(
        m.writtenFor().releases().contains(release),
        release + " not detected: " + m.writtenFor().describe());
    assertTrue(
        m.changes().stream().noneMatch(Migration.Change::warning),
        "a default file needs no hand edit: " + m.changes());

    Migration again = migrator.migrate("values.yaml", m.migrated(), null);
    assertEquals(m.migrated(), again.migrated(), "a second migration changes nothing");
    assertTrue(again.writtenFor().fitsCurrent(), again.writtenFor().describe());

    assertEquals(List.of(), violations(m.migrated(), dir), "current schema");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("releases")
  @DisplayName("the check can fail: the unmigrated file is rejected exactly when a rule changed it")
  void unmigratedIsRejected(String release, @TempDir Path dir) throws Exception {
    String defaults = HistoricalChart.of(release).valuesYaml();
    Migration m = new ValuesMigrator().migrate("values.yaml", defaults, null);
    boolean restructured =
        m.changes().stream()
            .anyMatch(c -> c.rule().change() != MigrationRule.Change.REMOVE || c.warning());
    assertEquals(restructured, !violations(defaults, dir).isEmpty(), m.changes().toString());
  }

  private static List<String> violations(String text, Path dir) throws Exception {
    Path file = dir.resolve("values.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    LoadedValues loaded = ValuesLoader.create().load(ValueInputs.ofFiles(file));
    List<String> violations = new ArrayList<>();
    for (Error e : schema.validate(loaded.tree())) {
      violations.add(e.getInstanceLocation() + " " + e.getMessage());
    }
    return violations;
  }
}
