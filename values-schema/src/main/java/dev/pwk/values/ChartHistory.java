package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chart's history since 2023 as data: every release, the value layout of each distinct release
 * (which key paths, and which {@code worker.apiConfig} values, it knows) and the rule table of
 * contract changes between them. Bundled under {@code history/}, derived from the released chart
 * archives and checked against them by the tests.
 */
public final class ChartHistory {
  private static volatile ChartHistory loaded;

  private final List<Release> releases;
  private final List<String> distinct;
  private final Map<String, Integer> distinctIndex;
  private final Map<String, List<Layout>> layouts;
  private final List<MigrationRule> rules;
  private final List<WorkerChange> workerChanges;

  /**
   * One published chart release.
   *
   * @param name the chart version
   * @param appVersion the Prefect version it deploys
   * @param sameAs the distinct release with the same contract and templates
   */
  public record Release(String name, String appVersion, String sameAs) {}

  /** The kind of value a release expects at a key path. */
  enum Kind {
    MAP,
    VALUE,
    ANY;

    boolean accepts(JsonNode value) {
      if (value.isNull() || this == ANY) {
        return true;
      }
      return (this == MAP) == value.isObject();
    }
  }

  /** A key path with one kind, known to a set of distinct releases (by index). */
  record Layout(String path, Kind kind, BitSet releases) {}

  private ChartHistory(
      List<Release> releases,
      Map<String, List<Layout>> layouts,
      List<MigrationRule> rules,
      List<WorkerChange> workerChanges) {
    this.releases = List.copyOf(releases);
    this.layouts = layouts;
    this.rules = List.copyOf(rules);
    this.workerChanges = List.copyOf(workerChanges);
    List<String> d = new ArrayList<>();
    for (Release r : releases) {
      if (!d.contains(r.sameAs())) {
        d.add(r.sameAs());
      }
    }
    this.distinct = List.copyOf(d);
    this.distinctIndex = new HashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      distinctIndex.put(distinct.get(i), i);
    }
  }

  /** The bundled history. */
  public static ChartHistory load() {
    ChartHistory h = loaded;
    if (h == null) {
      h =
          parse(
              resource("releases.tsv"),
              resource("layouts.tsv"),
              resource("migrations.tsv"),
              resource("worker-changes.tsv"));
      loaded = h;
    }
    return h;
  }

  /** Parses the tables; package-private so tests can feed their own. */
  static ChartHistory parse(
      String releasesTsv, String layoutsTsv, String rulesTsv, String workerChangesTsv) {
    List<Release> releases = new ArrayList<>();
    for (String[] f : rows(releasesTsv, 3)) {
      if (!f[0].equals("release")) {
        releases.add(new Release(f[0], f[1], f[2]));
      }
    }
    List<String> distinctNames = releases.stream().map(Release::sameAs).distinct().toList();
    Map<String, List<Layout>> layouts = new LinkedHashMap<>();
    for (String[] f : rows(layoutsTsv, 3)) {
      BitSet set = new BitSet();
      for (String range : f[2].split(",")) {
        String[] ends = range.split("\\.\\.", 2);
        int from = indexOf(distinctNames, ends[0]);
        int to = indexOf(distinctNames, ends.length == 2 ? ends[1] : ends[0]);
        set.set(from, to + 1);
      }
      layouts
          .computeIfAbsent(f[0], k -> new ArrayList<>())
          .add(new Layout(f[0], Kind.valueOf(f[1].toUpperCase(Locale.ROOT)), set));
    }
    List<MigrationRule> rules = new ArrayList<>();
    for (String[] f : rows(rulesTsv, 5, 6)) {
      indexOf(distinctNames, f[0]);
      rules.add(
          new MigrationRule(
              f[0],
              MigrationRule.Change.valueOf(f[1].toUpperCase(Locale.ROOT)),
              f[2],
              f[3],
              f[4],
              f.length == 6 ? f[5] : ""));
    }
    List<WorkerChange> workerChanges = new ArrayList<>();
    for (String[] f : rows(workerChangesTsv, 3)) {
      indexOf(distinctNames, f[0]);
      workerChanges.add(new WorkerChange(f[0], f[1], f[2]));
    }
    return new ChartHistory(releases, layouts, rules, workerChanges);
  }

  private static int indexOf(List<String> distinct, String name) {
    int i = distinct.indexOf(name);
    if (i < 0) {
      throw new IllegalStateException("chart history names an unknown release " + name);
    }
    return i;
  }

  private static List<String[]> rows(String tsv, int columns) {
    return rows(tsv, columns, columns);
  }

  /** The rows of a table: {@code min} columns each, up to {@code max} with optional ones. */
  private static List<String[]> rows(String tsv, int min, int max) {
    List<String[]> rows = new ArrayList<>();
    for (String line : tsv.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < min || f.length > max) {
        String needs = min == max ? String.valueOf(min) : min + " to " + max;
        throw new IllegalStateException("chart history row needs " + needs + " columns: " + line);
      }
      rows.add(f);
    }
    return rows;
  }

  private static String resource(String name) {
    return ValuesContract.resource("history/" + name);
  }

  /** Every published release since 2023, oldest first. */
  public List<Release> releases() {
    return releases;
  }

  /** The releases whose contract or templates differ from the one before, oldest first. */
  public List<String> distinctReleases() {
    return distinct;
  }

  /** The distinct release with the contract of the release pwk follows (the newest). */
  public String current() {
    return distinct.get(distinct.size() - 1);
  }

  /** The rule table, in release order. */
  public List<MigrationRule> rules() {
    return rules;
  }

  /** The changes releases made to the worker container with the same values, in release order. */
  public List<WorkerChange> workerChanges() {
    return workerChanges;
  }

  /** The distinct release with the same contract as a published release, if it is known. */
  public Optional<String> distinctOf(String release) {
    return releases.stream().filter(r -> r.name().equals(release)).map(Release::sameAs).findFirst();
  }

  /** Position of a distinct release in {@link #distinctReleases()}, -1 when unknown. */
  public int indexOf(String distinctRelease) {
    return distinctIndex.getOrDefault(distinctRelease, -1);
  }

  /**
   * The distinct releases whose layout a values tree fits: every key path some release knows is
   * known, with a value of the kind it expects, and {@code worker.apiConfig} is a value it accepts.
   * Keys no release knows (free-form maps, typos) say nothing about the release.
   */
  public ReleaseFit detect(JsonNode values) {
    BitSet fits = new BitSet();
    fits.set(0, distinct.size());
    narrow(values, "", fits);
    JsonNode apiConfig = values.path("worker").path("apiConfig");
    if (apiConfig.isTextual()) {
      List<Layout> known = layouts.get("worker.apiConfig=" + apiConfig.asText());
      if (known != null) {
        fits.and(known.get(0).releases());
      }
    }
    List<String> names = new ArrayList<>();
    fits.stream().forEach(i -> names.add(distinct.get(i)));
    return new ReleaseFit(names, this);
  }

  private void narrow(JsonNode node, String prefix, BitSet fits) {
    if (!node.isObject()) {
      return;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
              List<Layout> known = layouts.get(path);
              if (known != null) {
                BitSet ok = new BitSet();
                for (Layout l : known) {
                  if (l.kind().accepts(e.getValue())) {
                    ok.or(l.releases());
                  }
                }
                fits.and(ok);
              }
              narrow(e.getValue(), path, fits);
            });
  }

  /** The published releases sharing a distinct release's contract, oldest first. */
  List<Release> publishedAs(String distinctRelease) {
    return releases.stream().filter(r -> r.sameAs().equals(distinctRelease)).toList();
  }
}
