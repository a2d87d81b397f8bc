package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code migrate/<case>/before.yaml}, real-world-shaped values files of older chart layouts, each
 * with the expected {@code after.yaml} and {@code report.txt} (regenerate with {@code
 * -Dpwk.golden.update=true} and review the diff).
 */
@DisplayName("ValuesMigrator edits old values files to the current layout")
class ValuesMigratorTest {
  private static final Path CASES = Path.of("src/test/resources/migrate");
  private final ValuesMigrator migrator = new ValuesMigrator();

  @TestFactory
  @DisplayName("each case migrates to after.yaml with report.txt, and a second run changes nothing")
  Stream<DynamicTest> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  private void check(Path dir) throws Exception {
    String before = Files.readString(dir.resolve("before.yaml"), StandardCharsets.UTF_8);
    Migration m = migrator.migrate("before.yaml", before, null);
    String report = report(m);
    if (Boolean.getBoolean("pwk.golden.update")) {
      Files.writeString(dir.resolve("after.yaml"), m.migrated(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("report.txt"), report, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(dir.resolve("after.yaml"), StandardCharsets.UTF_8), m.migrated());
    assertEquals(Files.readString(dir.resolve("report.txt"), StandardCharsets.UTF_8), report);
    Migration again = migrator.migrate("after.yaml", m.migrated(), null);
    assertEquals(m.migrated(), again.migrated(), "a second migration changes nothing");
    if (m.changes().stream().noneMatch(Migration.Change::warning)) {
      assertFalse(again.needed(), again.changes().toString());
      assertTrue(again.writtenFor().fitsCurrent(), again.writtenFor().describe());
    }
  }

  static String report(Migration m) {
    StringBuilder b = new StringBuilder();
    b.append("written for: ").append(m.writtenFor().describe()).append('\n');
    for (Migration.Change c : m.changes()) {
      b.append(c.warning() ? "warning: " : "changed: ").append(c.message()).append('\n');
    }
    return b.toString();
  }

  @Test
  @DisplayName("--from overrides detection: rules after that release apply")
  void fromOverridesDetection() throws ValuesException {
    String text = "worker:\n  apiConfig: server\n";
    assertEquals(
        "worker:\n  apiConfig: selfHostedServer\n",
        migrator.migrate("v.yaml", text, "2024.1.18").migrated());
    assertEquals(text, migrator.migrate("v.yaml", text, "2025.3.7033449").migrated());
  }

  @Test
  @DisplayName("a published release that is not itself distinct maps to its contract")
  void fromAcceptsEveryPublishedRelease() throws ValuesException {
    Migration m = migrator.migrate("v.yaml", "worker:\n  apiConfig: server\n", "2025.2.18191117");
    assertEquals("2025.2.13162113", m.fromRelease());
  }

  @Test
  @DisplayName("an unknown --from release is an input problem naming it")
  void unknownRelease() {
    ValuesException e =
        assertThrows(
            ValuesException.class, () -> migrator.migrate("v.yaml", "worker: {}\n", "1.2.3"));
    assertEquals("input.migrate-unknown-release", e.problems().get(0).ruleId());
    assertTrue(e.problems().get(0).message().contains("'1.2.3'"), e.getMessage());
  }

  @Test
  @DisplayName("a removed key holding its old default goes without a warning")
  void removedDefaultIsQuiet() throws ValuesException {
    Migration m =
        migrator.migrate(
            "v.yaml",
            "worker:\n  apiConfig: server\n  serverApiConfig:\n    apiUrl: http://s/api\n"
                + "    uiUrl: http://localhost:4200\n",
            null);
    assertEquals(
        "worker:\n  apiConfig: selfHostedServer\n  selfHostedServerApiConfig:\n"
            + "    apiUrl: http://s/api\n",
        m.migrated());
    assertFalse(m.changes().stream().anyMatch(Migration.Change::warning), m.changes().toString());
  }

  @Test
  @DisplayName("messages name paths, never the values they held")
  void noValuesInMessages() throws ValuesException {
    Migration m =
        migrator.migrate(
            "v.yaml",
            "worker:\n  apiConfig: server\n  serverApiConfig:\n    uiUrl: https://secret.example\n",
            null);
    List<String> messages = m.changes().stream().map(Migration.Change::message).toList();
    assertTrue(messages.stream().noneMatch(s -> s.contains("secret.example")), messages.toString());
    assertTrue(m.changes().stream().anyMatch(Migration.Change::warning), messages.toString());
  }

  @Test
  @DisplayName("a null where the chart now has a map is deleted, as Helm would drop the defaults")
  void nullBecomesAbsentWhereAMapIsExpected() throws ValuesException {
    Migration m =
        migrator.migrate(
            "v.yaml", "worker:\n  config:\n    workPool: p\n    baseJobTemplate: null\n", null);
    assertEquals("worker:\n  config:\n    workPool: p\n", m.migrated());
    assertFalse(m.changes().get(0).warning(), m.changes().toString());
  }
}
