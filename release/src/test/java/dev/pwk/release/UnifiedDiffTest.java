package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("UnifiedDiff prints what diff -u prints")
class UnifiedDiffTest {
  @Test
  @DisplayName("nothing for equal texts")
  void equal() {
    assertEquals("", UnifiedDiff.of("a\nb\n", "a\nb\n", "x", "y"));
  }

  @Test
  @DisplayName("one hunk per group of changes, with three lines of context")
  void hunks() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n";
    String after = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\n";

    assertEquals(
        "--- live\n+++ planned\n"
            + "@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n"
            + "@@ -12,3 +12,4 @@\n l\n m\n n\n+o\n",
        UnifiedDiff.of(before, after, "live", "planned"));
  }

  @Test
  @DisplayName("a zero-length range for an empty side")
  void empty() {
    assertEquals("--- x\n+++ y\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.of("", "a\nb\n", "x", "y"));
    assertEquals("--- x\n+++ y\n@@ -1 +0,0 @@\n-a\n", UnifiedDiff.of("a\n", "", "x", "y"));
  }
}
