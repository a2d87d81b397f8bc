package dev.pwk.values;

import java.util.ArrayList;
import java.util.List;

/** The chart releases a values file fits, as found by {@link ChartHistory#detect}. */
public final class ReleaseFit {
  private final List<String> releases;
  private final ChartHistory history;

  ReleaseFit(List<String> releases, ChartHistory history) {
    this.releases = List.copyOf(releases);
    this.history = history;
  }

  /** The distinct releases, oldest first; empty when the file fits none. */
  public List<String> releases() {
    return releases;
  }

  /** Whether the file fits the release pwk follows. */
  public boolean fitsCurrent() {
    return releases.contains(history.current());
  }

  /** The oldest release the file fits. */
  public String oldest() {
    return releases.isEmpty() ? null : releases.get(0);
  }

  /**
   * The published releases, as ranges of consecutive ones: {@code "2023.10.5 – 2024.1.30"}, or
   * {@code "no chart release"}.
   */
  public String describe() {
    if (releases.isEmpty()) {
      return "no chart release";
    }
    List<String> ranges = new ArrayList<>();
    int start = -1;
    int previous = -2;
    for (String r : releases) {
      int i = history.indexOf(r);
      if (i != previous + 1) {
        if (start >= 0) {
          ranges.add(range(start, previous));
        }
        start = i;
      }
      previous = i;
    }
    ranges.add(range(start, previous));
    return String.join(", ", ranges);
  }

  private String range(int from, int to) {
    List<String> distinct = history.distinctReleases();
    String first = history.publishedAs(distinct.get(from)).get(0).name();
    List<ChartHistory.Release> last = history.publishedAs(distinct.get(to));
    String end = last.get(last.size() - 1).name();
    return first.equals(end) ? first : first + " – " + end;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReleaseFit f && f.releases.equals(releases) && f.history == history;
  }

  @Override
  public int hashCode() {
    return releases.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
