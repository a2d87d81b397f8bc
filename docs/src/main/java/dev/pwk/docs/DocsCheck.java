package dev.pwk.docs;

import dev.pwk.values.UnifiedDiff;
import java.util.Objects;

/**
 * The outcome of checking a generated file against what the generator produces now.
 *
 * @param fileName the file's name as shown in the diff headers
 * @param stale true when the file differs from the fresh output, byte for byte
 * @param diff a unified diff (three lines of context) that turns the file into the fresh output,
 *     with {@code --- a/NAME} and {@code +++ b/NAME} headers; empty when not stale
 */
public record DocsCheck(String fileName, boolean stale, String diff) {

  public DocsCheck {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(diff, "diff");
    if (stale == diff.isEmpty()) {
      throw new IllegalArgumentException("a stale check has a diff, a fresh one has none");
    }
  }

  /**
   * Compares a file's current text with freshly generated text.
   *
   * @param fileName the name to show in the diff, such as {@code docs/chart-README.md}
   * @param onDisk the file's text; empty for a missing file
   * @param fresh the generator's output
   * @return the check, stale when the texts differ in any byte
   */
  public static DocsCheck compare(String fileName, String onDisk, String fresh) {
    String diff = UnifiedDiff.diff("a/" + fileName, onDisk, "b/" + fileName, fresh);
    return new DocsCheck(fileName, !diff.isEmpty(), diff);
  }
}
