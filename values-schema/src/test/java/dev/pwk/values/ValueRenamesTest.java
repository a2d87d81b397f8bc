package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.MigrationRule.Change;
import dev.pwk.values.ValueRenames.Migration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ValueRenames")
class ValueRenamesTest {
  private static final ValueRenames TABLE =
      ValueRenames.of(
          List.of(
              rule("1", Change.RENAME, "a", "b", "", ""),
              rule("1", Change.VALUE, "mode=x", "y", "", ""),
              rule("2", Change.REMOVE, "b.old", "\"\"", "it did nothing", ""),
              rule("3", Change.RENAME, "b", "c", "", "42"),
              rule("3", Change.VALUE, "mode=y", "z", "", "42"),
              rule("4", Change.WRAP, "t", "inner", "", "")));

  private static MigrationRule rule(
      String release, Change change, String path, String argument, String note, String pr) {
    return new MigrationRule(release, change, path, argument, note, pr);
  }

  @Test
  @DisplayName("rules are looked up by their key path as a JSON pointer, in the table's order")
  void pointers() {
    assertEquals(
        List.of("/a", "/mode", "/b/old", "/b", "/mode", "/t"),
        TABLE.all().stream().map(MigrationRule::pointer).toList());
  }

  @Test
  @DisplayName("a key is followed through every later rename of it or of a map above it")
  void keys() {
    Migration m = TABLE.forKey("/a/x").orElseThrow();
    assertEquals("/c/x", m.current());
    assertEquals("1", m.since());
    assertEquals(2, m.steps().size());
    assertEquals("42", m.steps().get(1).pr());
    assertEquals("/c", TABLE.forKey("/b").orElseThrow().current());
    assertTrue(TABLE.forKey("/c").isEmpty(), "a current name has no migration");
    assertTrue(TABLE.forKey("/ab").isEmpty(), "only whole segments match");
  }

  @Test
  @DisplayName("a key removed on the way is removed, with its note")
  void removed() {
    Migration m = TABLE.forKey("/a/old").orElseThrow();
    assertTrue(m.removed());
    assertEquals("1", m.since());
    assertEquals("it did nothing", m.note());
  }

  @Test
  @DisplayName("an enum value is followed through its renames; text moves to its new key")
  void valuesAndText() {
    assertEquals("z", TABLE.forValue("/mode", "x").orElseThrow().current());
    assertTrue(TABLE.forValue("/other", "x").isEmpty());
    assertEquals("/t/inner", TABLE.forText("/t").orElseThrow().current());
  }

  @Test
  @DisplayName("a rule row has five columns and an optional pull request; others are refused")
  void ruleColumns() {
    String releases = "1\t2.0\t1\n";
    ChartHistory five = ChartHistory.parse(releases, "", "1\trename\ta\tb\twhy\n", "");
    assertEquals("", five.rules().get(0).pr());
    ChartHistory six = ChartHistory.parse(releases, "", "1\trename\ta\tb\twhy\t42\n", "");
    assertEquals("42", ValueRenames.of(six.rules()).forKey("/a").orElseThrow().steps().get(0).pr());
    assertThrows(
        IllegalStateException.class,
        () -> ChartHistory.parse(releases, "", "1\trename\ta\tb\twhy\t42\tx\n", ""));
    assertThrows(
        IllegalStateException.class,
        () -> ChartHistory.parse(releases, "", "1\trename\ta\tb\n", ""));
  }

  @Test
  @DisplayName("the bundled table is the chart history's; 2025 names lead to customerManagedCloud")
  void bundled() {
    ValueRenames table = ValueRenames.bundled();
    assertEquals(ChartHistory.load().rules().size(), table.all().size());
    Migration cmc = table.forKey("/worker/selfManagedCloudApiConfig").orElseThrow();
    assertEquals("/worker/customerManagedCloudApiConfig", cmc.current());
    assertEquals("563", cmc.steps().get(0).pr());
    assertEquals(
        "customerManagedCloud",
        table.forValue("/worker/apiConfig", "selfManagedCloud").orElseThrow().current());
    assertEquals(
        "selfHostedServer", table.forValue("/worker/apiConfig", "server").orElseThrow().current());
    assertEquals(
        "/worker/config/baseJobTemplate/configuration",
        table.forText("/worker/config/baseJobTemplate").orElseThrow().current());
  }
}
