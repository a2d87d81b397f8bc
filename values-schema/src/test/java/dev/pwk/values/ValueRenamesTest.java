package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.ValueRenames.Migration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ValueRenames")
class ValueRenamesTest {
  private static final String HEADER = "# a comment\nkind\told\tnew\trelease\tpr\tnote\n";

  private static final ValueRenames TABLE =
      ValueRenames.parse(
          HEADER
              + "key\t/a\t/b\t1\t\t\n"
              + "value\t/mode=x\ty\t1\t\t\n"
              + "removed\t/b/old\t\t2\t\tit did nothing\n"
              + "key\t/b\t/c\t3\t42\t\n"
              + "value\t/mode=y\tz\t3\t42\t\n"
              + "text\t/t\t/t/inner\t4\t\t\n");

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
  @DisplayName("a malformed table is refused with its line number")
  void malformed() {
    assertThrows(IllegalArgumentException.class, () -> ValueRenames.parse("key\t/a\t/b\t1\t\t\n"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ValueRenames.parse(HEADER + "moved\t/a\t/b\t1\t\t\n"));
    assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ValueRenames.parse(HEADER + "removed\t/a\t/b\t1\t\t\n"));
    assertThrows(
        IllegalArgumentException.class, () -> ValueRenames.parse(HEADER + "value\t/a\tb\t1\t\t\n"));
  }

  @Test
  @DisplayName("the bundled table has the 2025 names that lead to customerManagedCloud")
  void bundled() {
    ValueRenames table = ValueRenames.bundled();
    assertEquals(
        "/worker/customerManagedCloudApiConfig",
        table.forKey("/worker/selfManagedCloudApiConfig").orElseThrow().current());
    assertEquals(
        "customerManagedCloud",
        table.forValue("/worker/apiConfig", "selfManagedCloud").orElseThrow().current());
    assertEquals(
        "selfHostedServer", table.forValue("/worker/apiConfig", "server").orElseThrow().current());
  }
}
