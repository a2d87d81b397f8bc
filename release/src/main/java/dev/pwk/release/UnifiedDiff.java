package dev.pwk.release;

import java.util.ArrayList;
import java.util.List;

/** A line diff in the unified format, with three lines of context, as {@code diff -u} prints. */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff from {@code before} to {@code after}, or an empty string when they are equal. */
  static String of(String before, String after, String beforeLabel, String afterLabel) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    if (a.equals(b)) {
      return "";
    }
    List<Edit> edits = edits(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(beforeLabel).append('\n');
    out.append("+++ ").append(afterLabel).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).op == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int quiet = 0;
      for (int j = i; j < edits.size(); j++) {
        if (edits.get(j).op == ' ') {
          quiet++;
          if (quiet > 2 * CONTEXT) {
            break;
          }
        } else {
          quiet = 0;
          end = j;
        }
      }
      int stop = Math.min(edits.size(), end + CONTEXT + 1);
      hunk(edits.subList(start, stop), out);
      i = stop;
    }
    return out.toString();
  }

  private record Edit(char op, String line, int beforeLine, int afterLine) {}

  private static void hunk(List<Edit> edits, StringBuilder out) {
    int beforeCount = 0;
    int afterCount = 0;
    for (Edit e : edits) {
      beforeCount += e.op == '+' ? 0 : 1;
      afterCount += e.op == '-' ? 0 : 1;
    }
    Edit first = edits.get(0);
    int beforeStart = beforeCount == 0 ? first.beforeLine : first.beforeLine + 1;
    int afterStart = afterCount == 0 ? first.afterLine : first.afterLine + 1;
    out.append("@@ -")
        .append(range(beforeStart, beforeCount))
        .append(" +")
        .append(range(afterStart, afterCount))
        .append(" @@\n");
    for (Edit e : edits) {
      out.append(e.op).append(e.line).append('\n');
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  /** The shortest edit script, from a longest-common-subsequence table. */
  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i, j));
        i++;
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i, j));
        i++;
      } else {
        edits.add(new Edit('+', b.get(j), i, j));
        j++;
      }
    }
    return edits;
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String[] parts = text.split("\n", -1);
    int count = text.endsWith("\n") ? parts.length - 1 : parts.length;
    return List.of(parts).subList(0, count);
  }
}
