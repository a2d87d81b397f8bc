package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RawInsertion reads values back as Helm's YAML parse of the chart's output does")
class RawInsertionTest {

  @Test
  @DisplayName("unquoted: white space, comments and YAML quotes are not part of the value")
  void plainReadBack() {
    assertEquals(Optional.of("my-name"), RawInsertion.plain("my-name"));
    assertEquals(Optional.of("trail"), RawInsertion.plain("trail\n"));
    assertEquals(Optional.of("lead"), RawInsertion.plain(" lead"));
    assertEquals(Optional.of("x"), RawInsertion.plain("x # y"));
    assertEquals(Optional.of("q"), RawInsertion.plain("'q'"));
    assertEquals(Optional.of("with space"), RawInsertion.plain("with space"));
  }

  @Test
  @DisplayName("unquoted: a number or boolean keeps the text the user wrote")
  void plainNonStrings() {
    assertEquals(Optional.of("0x10"), RawInsertion.plain("0x10"));
    assertEquals(Optional.of("true"), RawInsertion.plain(" true"));
    assertEquals(Optional.of(""), RawInsertion.plain("&amp"));
    assertEquals(Optional.of(""), RawInsertion.plain("~"));
    assertEquals(Optional.of(""), RawInsertion.plain("null"));
    assertEquals(Optional.of(""), RawInsertion.plain("NULL"));
    assertEquals(Optional.of("nulls"), RawInsertion.plain("nulls"));
    assertEquals(Optional.of(""), RawInsertion.plain("!bang"));
  }

  @Test
  @DisplayName("unquoted: null and the empty string are told apart")
  void plainNull() {
    assertTrue(RawInsertion.readsAsNull(""));
    assertTrue(RawInsertion.readsAsNull("~"));
    assertTrue(RawInsertion.readsAsNull("Null"));
    assertTrue(RawInsertion.readsAsNull("&amp"));
    assertTrue(RawInsertion.readsAsNull("  "));
    assertFalse(RawInsertion.readsAsNull("!bang"));
    assertFalse(RawInsertion.readsAsNull("''"));
    assertFalse(RawInsertion.readsAsNull("nulls"));
  }

  @Test
  @DisplayName("unquoted: what is not a single YAML value there is refused")
  void plainRefused() {
    assertEquals(Optional.empty(), RawInsertion.plain("a: b"));
    assertEquals(Optional.empty(), RawInsertion.plain("- x"));
    assertEquals(Optional.empty(), RawInsertion.plain("{{ x }}"));
    assertEquals(Optional.empty(), RawInsertion.plain("[a]"));
    assertEquals(Optional.empty(), RawInsertion.plain("*star"));
    assertEquals(Optional.empty(), RawInsertion.plain("a\nb: c"));
  }

  @Test
  @DisplayName("double-quoted: escapes are decoded, and an unknown escape or a quote is refused")
  void doubleQuoted() {
    assertEquals(
        Optional.of("prefecthq/prefect:3"), RawInsertion.doubleQuoted("prefecthq/prefect:3"));
    assertEquals(Optional.of("pre\nfect:3"), RawInsertion.doubleQuoted("pre\\nfect:3"));
    assertEquals(Optional.empty(), RawInsertion.doubleQuoted("pre\\qfect:3"));
    assertEquals(Optional.empty(), RawInsertion.doubleQuoted("a\"b:3"));
  }
}
