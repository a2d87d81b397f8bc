package dev.pwk.validator;

import dev.pwk.values.Finding;
import dev.pwk.values.Location;
import dev.pwk.values.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the findings of one validation; duplicates are dropped. */
final class Report {
  /**
   * A finding and where it sorts: by source, line and column, ties in the order rules reported. A
   * plain compareTo rather than a chain of comparators, whose lambdas are linked at each start.
   */
  private record Entry(Location at, Finding finding, int seq) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(at.rank(), o.at.rank());
      if (c == 0) {
        c = at.file().compareTo(o.at.file());
      }
      if (c == 0) {
        c = Integer.compare(at.line(), o.at.line());
      }
      if (c == 0) {
        c = Integer.compare(at.column(), o.at.column());
      }
      return c != 0 ? c : Integer.compare(seq, o.seq);
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final Set<List<Object>> seen = new HashSet<>();

  /** Adds a finding whose message is keyed by its rule id. */
  void add(String ruleId, Severity severity, String pointer, Location at, Object... args) {
    addKeyed(ruleId, ruleId, severity, pointer, at, args);
  }

  /** Adds a finding whose message has its own key, a variant of the rule's. */
  void addKeyed(
      String ruleId,
      String messageKey,
      Severity severity,
      String pointer,
      Location at,
      Object... args) {
    addText(ruleId, severity, pointer, at, Messages.format(messageKey, args));
  }

  /** Adds a finding with a message composed elsewhere. */
  void addText(String ruleId, Severity severity, String pointer, Location at, String message) {
    add(
        new Finding(
            at.file(), at.line(), at.column(), pointer, ruleId, severity, message, at.kind()),
        at);
  }

  /** Adds a finding made elsewhere (by loading), sorted as its source's {@code rank}. */
  void add(Finding f, long rank) {
    add(f, new Location(f.file(), f.line(), f.column(), rank, f.kind()));
  }

  private void add(Finding f, Location at) {
    if (seen.add(List.of(f.file(), f.line(), f.column(), f.path(), f.ruleId(), f.message()))) {
      entries.add(new Entry(at, f, entries.size()));
    }
  }

  /** The findings by source, line and column; ties keep the order in which rules reported. */
  List<Finding> sorted() {
    return entries.stream().sorted().map(Entry::finding).toList();
  }
}
