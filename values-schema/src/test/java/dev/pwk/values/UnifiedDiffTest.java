package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("unified diff")
class UnifiedDiffTest {
  private static String lines(String letters) {
    StringBuilder b = new StringBuilder();
    for (char c : letters.toCharArray()) {
      b.append(c).append('\n');
    }
    return b.toString();
  }

  @Test
  @DisplayName("equal texts give no diff")
  void equal() {
    assertEquals("", UnifiedDiff.diff("a/f", "x\ny\n", "b/f", "x\ny\n"));
  }

  @Test
  @DisplayName("changes more than six lines apart get separate hunks with three lines of context")
  void separateHunks() {
    String before = lines("abcdefghijklmnop");
    String after = lines("abCdefghijklXmno");
    assertEquals(
        "--- a/f.txt\n"
            + "+++ b/f.txt\n"
            + "@@ -1,6 +1,6 @@\n"
            + " a\n"
            + " b\n"
            + "-c\n"
            + "+C\n"
            + " d\n"
            + " e\n"
            + " f\n"
            + "@@ -10,7 +10,7 @@\n"
            + " j\n"
            + " k\n"
            + " l\n"
            + "+X\n"
            + " m\n"
            + " n\n"
            + " o\n"
            + "-p\n",
        UnifiedDiff.diff("a/f.txt", before, "b/f.txt", after));
  }

  @Test
  @DisplayName("changes six unchanged lines apart share one hunk")
  void mergedHunk() {
    assertEquals(
        "--- a/f\n"
            + "+++ b/f\n"
            + "@@ -1,12 +1,12 @@\n"
            + " a\n"
            + "-b\n"
            + "+B\n"
            + " c\n"
            + " d\n"
            + " e\n"
            + " f\n"
            + " g\n"
            + " h\n"
            + "-i\n"
            + "+I\n"
            + " j\n"
            + " k\n"
            + " l\n",
        UnifiedDiff.diff("a/f", lines("abcdefghijklm"), "b/f", lines("aBcdefghIjklm")));
  }

  @Test
  @DisplayName("changes seven unchanged lines apart are split")
  void splitHunks() {
    assertEquals(
        "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n"
            + "@@ -7,7 +7,7 @@\n g\n h\n i\n-j\n+J\n k\n l\n m\n",
        UnifiedDiff.diff("a/f", lines("abcdefghijklmn"), "b/f", lines("aBcdefghiJklmn")));
  }

  @Test
  @DisplayName("a last line without new line is marked")
  void missingNewline() {
    assertEquals(
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n",
        UnifiedDiff.diff("a/f", "x\ny", "b/f", "x\ny\n"));
  }

  @Test
  @DisplayName("an empty side has the range 0,0")
  void emptySides() {
    assertEquals(
        "--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n",
        UnifiedDiff.diff("a/f", "", "b/f", "a\nb\n"));
    assertEquals(
        "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n", UnifiedDiff.diff("a/f", "a\n", "b/f", ""));
  }

  @Test
  @DisplayName("deletions come before insertions within a change")
  void deletionsFirst() {
    assertEquals(
        "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n a\n-b\n-c\n+x\n+y\n d\n",
        UnifiedDiff.diff("a/f", lines("abcd"), "b/f", lines("axyd")));
  }

  @Test
  @DisplayName("a change at the end has context only before it, as pwk diff shows a new line")
  void changeAtEnd() {
    String before = lines("abcdefghijklmn");
    String after = lines("abcDefghijklmno");
    assertEquals(
        "--- live\n+++ planned\n"
            + "@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"
            + "@@ -12,3 +12,4 @@\n l\n m\n n\n+o\n",
        UnifiedDiff.diff("live", before, "planned", after));
  }
}
