package dev.pwk.values;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in the unified format of GNU diff and git: Myers' shortest edit script, hunks with
 * three lines of context and {@code @@ -a,b +c,d @@} headers, deletions before insertions within a
 * change, and {@code \ No newline at end of file} after a last line without one. The one diff
 * engine of pwk: {@code pwk docs --check}, {@code pwk migrate --diff} and {@code pwk diff} print
 * what it writes.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private enum Op {
    KEEP,
    DELETE,
    INSERT
  }

  /** One edit: the operation and the 0-based line indexes it touches in each text. */
  private record Edit(Op op, int oldIndex, int newIndex) {}

  private UnifiedDiff() {}

  /**
   * The diff from {@code before} to {@code after}; empty when they are equal.
   *
   * @param beforeName the name on the {@code ---} line
   * @param afterName the name on the {@code +++} line
   */
  public static String diff(String beforeName, String before, String afterName, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Edit> script = normalise(myers(a, b));
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(beforeName).append('\n');
    out.append("+++ ").append(afterName).append('\n');
    int i = 0;
    while (i < script.size()) {
      if (script.get(i).op() == Op.KEEP) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = endOfHunk(script, i);
      writeHunk(out, script.subList(start, end), a, b);
      i = end;
    }
    return out.toString();
  }

  /** Extends a hunk over changes separated by at most twice the context. */
  private static int endOfHunk(List<Edit> script, int firstChange) {
    int lastChange = firstChange;
    for (int j = firstChange; j < script.size(); j++) {
      if (script.get(j).op() != Op.KEEP) {
        if (j - lastChange - 1 > 2 * CONTEXT) {
          break;
        }
        lastChange = j;
      }
    }
    return Math.min(script.size(), lastChange + 1 + CONTEXT);
  }

  private static void writeHunk(
      StringBuilder out, List<Edit> hunk, List<String> a, List<String> b) {
    int oldStart = -1;
    int newStart = -1;
    int oldCount = 0;
    int newCount = 0;
    for (Edit e : hunk) {
      if (e.op() != Op.INSERT) {
        oldStart = oldStart < 0 ? e.oldIndex() : oldStart;
        oldCount++;
      }
      if (e.op() != Op.DELETE) {
        newStart = newStart < 0 ? e.newIndex() : newStart;
        newCount++;
      }
    }
    Edit first = hunk.get(0);
    out.append("@@ -")
        .append(range(oldStart < 0 ? first.oldIndex() : oldStart, oldCount))
        .append(" +")
        .append(range(newStart < 0 ? first.newIndex() : newStart, newCount))
        .append(" @@\n");
    for (Edit e : hunk) {
      String line;
      char mark;
      if (e.op() == Op.KEEP) {
        mark = ' ';
        line = a.get(e.oldIndex());
      } else if (e.op() == Op.DELETE) {
        mark = '-';
        line = a.get(e.oldIndex());
      } else {
        mark = '+';
        line = b.get(e.newIndex());
      }
      out.append(mark);
      if (line.endsWith("\n")) {
        out.append(line);
      } else {
        out.append(line).append("\n\\ No newline at end of file\n");
      }
    }
  }

  /** GNU's range: "start,count", "start" for one line, and the line before for none. */
  private static String range(int start0, int count) {
    if (count == 1) {
      return String.valueOf(start0 + 1);
    }
    return (count == 0 ? start0 : start0 + 1) + "," + count;
  }

  /** Lines with their terminators, so that a missing final new line is a difference. */
  private static List<String> lines(String s) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        lines.add(s.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < s.length()) {
      lines.add(s.substring(start));
    }
    return lines;
  }

  /** Within each run of changes, puts every deletion before the insertions. */
  private static List<Edit> normalise(List<Edit> script) {
    List<Edit> out = new ArrayList<>();
    List<Edit> inserts = new ArrayList<>();
    for (Edit e : script) {
      if (e.op() == Op.INSERT) {
        inserts.add(e);
      } else if (e.op() == Op.DELETE) {
        out.add(e);
      } else {
        out.addAll(inserts);
        inserts.clear();
        out.add(e);
      }
    }
    out.addAll(inserts);
    return out;
  }

  /** Myers' greedy O((N+M)D) algorithm, keeping each round's frontier to trace the path back. */
  private static List<Edit> myers(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          x = v[offset + k + 1];
        } else {
          x = v[offset + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    List<Edit> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] prev = trace.get(d);
      int k = x - y;
      int prevK =
          k == -d || (k != d && prev[offset + k - 1] < prev[offset + k + 1]) ? k + 1 : k - 1;
      int prevX = prev[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(new Edit(Op.KEEP, --x, --y));
      }
      if (x == prevX) {
        reversed.add(new Edit(Op.INSERT, x, --y));
      } else {
        reversed.add(new Edit(Op.DELETE, --x, y));
      }
    }
    while (x > 0 && y > 0) {
      reversed.add(new Edit(Op.KEEP, --x, --y));
    }
    List<Edit> script = new ArrayList<>();
    for (int i = reversed.size() - 1; i >= 0; i--) {
      script.add(reversed.get(i));
    }
    return script;
  }
}
