package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pwk.values.ValuesTextEditor.Outcome;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ValuesTextEditor changes only what an edit needs")
class ValuesTextEditorTest {

  private static List<String> path(String dotted) {
    return List.of(dotted.split("\\."));
  }

  private static String edit(
      String text, java.util.function.Function<ValuesTextEditor, Outcome> op, Outcome expected) {
    ValuesTextEditor e = new ValuesTextEditor(text);
    assertEquals(expected, op.apply(e));
    return e.text();
  }

  @Test
  @DisplayName("a rename keeps the key's quotes and the line's comment")
  void renameKeepsQuotesAndComment() {
    assertEquals(
        "a:\n  \"new\": 1 # why\n  b: 2\n",
        edit(
            "a:\n  \"old\": 1 # why\n  b: 2\n",
            e -> e.move(path("a.old"), path("a.new")),
            Outcome.DONE));
  }

  @Test
  @DisplayName("a value keeps its quotes, except that null is written plain")
  void valueKeepsQuotes() {
    assertEquals(
        "a: 'y'  # c\n",
        edit("a: 'x'  # c\n", e -> e.replaceValue(path("a"), "x", "y"), Outcome.DONE));
    assertEquals(
        "a: null\n", edit("a: \"x\"\n", e -> e.replaceValue(path("a"), "x", "null"), Outcome.DONE));
    assertEquals(
        "a: z\n", edit("a: z\n", e -> e.replaceValue(path("a"), "x", "y"), Outcome.ABSENT));
  }

  @Test
  @DisplayName("a move appends the block, with its comment, to the end of the new parent")
  void moveUnderExistingParent() {
    String before = "w:\n    # c\n    k:\n        x: 1\n    p:\n        y: 2\n    z: 3\n";
    assertEquals(
        "w:\n    p:\n        y: 2\n        # c\n        k:\n            x: 1\n    z: 3\n",
        edit(before, e -> e.move(path("w.k"), path("w.p.k")), Outcome.DONE));
  }

  @Test
  @DisplayName("a move before its new parent and at the end of a file without a line break")
  void moveUpwardAtEndOfFile() {
    assertEquals(
        "w:\n  p:\n    y: 2\n    k: 1\n",
        edit("w:\n  p:\n    y: 2\n  k: 1", e -> e.move(path("w.k"), path("w.p.k")), Outcome.DONE));
  }

  @Test
  @DisplayName("a move to a missing parent creates it in place")
  void moveCreatesParent() {
    assertEquals(
        "w:\n  a: 1\n  p:\n    k:\n      x: 1\n  b: 2\n",
        edit(
            "w:\n  a: 1\n  k:\n    x: 1\n  b: 2\n",
            e -> e.move(path("w.k"), path("w.p.k")),
            Outcome.DONE));
  }

  @Test
  @DisplayName("a move onto an existing key is a conflict and changes nothing")
  void moveConflict() {
    String text = "w:\n  k: 1\n  p:\n    k: 2\n";
    assertEquals(text, edit(text, e -> e.move(path("w.k"), path("w.p.k")), Outcome.CONFLICT));
  }

  @Test
  @DisplayName("a flow-style map is not restructured")
  void flowStyleIsUnsupported() {
    String text = "w: {k: 1, p: {y: 2}}\n";
    assertEquals(text, edit(text, e -> e.move(path("w.k"), path("w.p.k")), Outcome.UNSUPPORTED));
    assertEquals(text, edit(text, e -> e.remove(path("w.k")), Outcome.UNSUPPORTED));
  }

  @Test
  @DisplayName("a wrap puts a quoted, plain or block scalar under the child key")
  void wrap() {
    assertEquals(
        "c:\n  t:\n    v: \"{}\" # j\n",
        edit("c:\n  t: \"{}\" # j\n", e -> e.wrap(path("c.t"), "v"), Outcome.DONE));
    assertEquals(
        "c:\n  t:\n    v: |\n      {\n      }\n  n: 1\n",
        edit("c:\n  t: |\n    {\n    }\n  n: 1\n", e -> e.wrap(path("c.t"), "v"), Outcome.DONE));
    assertEquals(
        "c:\n  t: null\n", edit("c:\n  t: null\n", e -> e.wrap(path("c.t"), "v"), Outcome.ABSENT));
  }

  @Test
  @DisplayName("a removal takes its comment along, and a map it leaves empty")
  void remove() {
    assertEquals(
        "a:\n  b: 1\n\nz: 2\n",
        edit("a:\n  b: 1\n\n  # c\n  u: x\n\nz: 2\n", e -> e.remove(path("a.u")), Outcome.DONE));
    assertEquals(
        "z: 2\n", edit("a:\n  u:\n    v: 1\nz: 2\n", e -> e.remove(path("a.u.v")), Outcome.DONE));
  }

  @Test
  @DisplayName("text outside the Basic Multilingual Plane does not shift the edit")
  void codePoints() {
    assertEquals(
        "# 🚀🚀\na:\n  new: 1\n",
        edit("# 🚀🚀\na:\n  old: 1\n", e -> e.move(path("a.old"), path("a.new")), Outcome.DONE));
  }

  @Test
  @DisplayName("a CRLF file stays CRLF")
  void crlf() {
    assertEquals(
        "w:\r\n  a: 1\r\n  p:\r\n    k:\r\n      x: 1\r\n",
        edit(
            "w:\r\n  a: 1\r\n  k:\r\n    x: 1\r\n",
            e -> e.move(path("w.k"), path("w.p.k")),
            Outcome.DONE));
    assertEquals(
        "c:\r\n  t:\r\n    v: '{}'\r\n",
        edit("c:\r\n  t: '{}'\r\n", e -> e.wrap(path("c.t"), "v"), Outcome.DONE));
  }
}
