package dev.pwk.validator;

import java.util.Arrays;

/**
 * The lines of a text, split as {@link String#lines()} splits them ({@code \n}, {@code \r} or
 * {@code \r\n}; no empty line after a final terminator), found in one pass and cut out only when
 * asked for: a finding needs one or two lines of a file, not a copy of all of them.
 */
final class Lines {
  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final int count;

  private Lines(String text, int[] starts, int[] ends, int count) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.count = count;
  }

  static Lines of(String text) {
    int capacity = 16;
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    int count = 0;
    int start = 0;
    int length = text.length();
    boolean hasCarriageReturns = text.indexOf('\r') >= 0;
    while (start < length) {
      int end = hasCarriageReturns ? lineEnd(text, start) : text.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      if (count == capacity) {
        capacity *= 2;
        starts = Arrays.copyOf(starts, capacity);
        ends = Arrays.copyOf(ends, capacity);
      }
      starts[count] = start;
      ends[count] = end;
      count++;
      start = end + 1;
      if (end + 1 < length && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n') {
        start++;
      }
    }
    return new Lines(text, starts, ends, count);
  }

  /** Where the line starting at {@code from} ends: before its line break, or at the end. */
  private static int lineEnd(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  int size() {
    return count;
  }

  /** The line at a 0-based index, without its terminator. */
  String get(int index) {
    return text.substring(starts[index], ends[index]);
  }

  int length(int index) {
    return ends[index] - starts[index];
  }

  char charAt(int index, int column) {
    return text.charAt(starts[index] + column);
  }

  /** True when the line is empty or only white space, as {@link String#isBlank()} says. */
  boolean isBlank(int index) {
    return indent(index) == length(index);
  }

  /** The number of white-space characters the line starts with. */
  int indent(int index) {
    int i = starts[index];
    while (i < ends[index] && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i - starts[index];
  }

  /**
   * True when the line is {@code spaces} spaces followed by exactly {@code value}'s characters from
   * {@code from} to {@code to}.
   */
  boolean isIndented(int index, int spaces, String value, int from, int to) {
    if (length(index) != spaces + to - from) {
      return false;
    }
    for (int i = 0; i < spaces; i++) {
      if (text.charAt(starts[index] + i) != ' ') {
        return false;
      }
    }
    return text.regionMatches(starts[index] + spaces, value, from, to - from);
  }
}
