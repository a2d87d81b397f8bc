package dev.pwk.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.pipeline.GeneratedCase.Assignment;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.testing.ConformanceCase;
import dev.pwk.values.testing.Helm;
import dev.pwk.values.testing.ManifestComparator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Helm as the oracle: generated inputs rendered by {@code helm template} (v4.1.4, {@code
 * tools/helm}) and by pwk must agree under the corpus's equivalence rules ({@link
 * ManifestComparator}), or differ only as {@code docs/divergences.md} documents. Tagged {@code
 * oracle}: the normal build leaves it out; {@code tools/oracle-tests} runs it ({@code -Poracle}).
 *
 * <p>Seeded and bounded: {@code -Dpwk.oracle.seed} (default fixed) and {@code -Dpwk.oracle.cases}
 * cases per generator (default 60; the long mode is e.g. 1250). A disagreement is shrunk (values
 * and flags left out while it persists) and printed as a conformance case ready to commit.
 */
@Tag("oracle")
@DisplayName("Helm as the oracle: generated values render the same with helm template and pwk")
class HelmDifferentialTest {
  private static final long SEED = Long.getLong("pwk.oracle.seed", 20261207L);
  private static final int CASES = Integer.getInteger("pwk.oracle.cases", 60);

  private static HelmOracle helm;
  private static ValueGenerators generators;
  private static Set<String> documentedRefusals;
  private static Path work;

  @BeforeAll
  static void oracle() throws IOException {
    Path root = repositoryRoot();
    helm = HelmOracle.fromRepository(root, ValuesContract.chart().version());
    generators = new ValueGenerators();
    documentedRefusals = refusalRules(root.resolve("docs/divergences.md"));
    work = Files.createTempDirectory("pwk-differential");
  }

  /** How one case came out. */
  enum Verdict {
    /** Both rendered equivalent manifests. */
    AGREE,
    /** Both refused. */
    BOTH_REFUSE,
    /** Helm rendered; pwk refused with a rule docs/divergences.md lists. */
    DOCUMENTED,
    /** Anything else. */
    DISAGREE
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ValueGenerators.Kind.class)
  void agreesWithHelm(ValueGenerators.Kind kind) {
    Random random = new Random(SEED ^ kind.ordinal());
    int[] counts = new int[Verdict.values().length];
    List<String> reports = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      GeneratedCase c = generators.next(kind, random);
      Outcome o = outcome(c);
      counts[o.verdict().ordinal()]++;
      if (o.verdict() == Verdict.DISAGREE) {
        System.out.printf("differential %s #%d disagrees: %s%n", kind, i, firstLine(o.detail()));
      }
      if (o.verdict() == Verdict.DISAGREE && reports.size() < 5) {
        GeneratedCase small = shrink(c, x -> outcome(x).verdict() == Verdict.DISAGREE);
        Outcome so = outcome(small);
        reports.add(
            so.detail()
                + "\n"
                + small.asConformanceCase(
                    "sc-found-" + kind.name().toLowerCase().replace('_', '-') + "-" + i,
                    so.helm().rendered() ? "render" : "error"));
      }
    }
    System.out.printf(
        "differential %s: %d cases (seed %d): %d agree, %d both refuse, %d documented"
            + " divergences, %d disagree%n",
        kind, CASES, SEED, counts[0], counts[1], counts[2], counts[3]);
    assertTrue(
        reports.isEmpty(),
        () ->
            counts[3] + " disagreement(s); the first, shrunk:\n\n" + String.join("\n\n", reports));
  }

  private static String firstLine(String detail) {
    String[] lines = detail.strip().split("\n", 3);
    return lines.length > 1 ? lines[0] + " " + lines[1].strip() : lines[0];
  }

  /** Helm's run, pwk's run, and the verdict with a one-paragraph reason. */
  record Outcome(Helm.Run helm, PwkRun pwk, Verdict verdict, String detail) {}

  static Outcome outcome(GeneratedCase c) {
    Helm.Run h = helm.template(c);
    PwkRun p = PwkRun.of(c, work);
    if (h.rendered() && p.rendered()) {
      List<String> diffs;
      try {
        diffs = ManifestComparator.compare(h.out(), p.yaml(), true);
      } catch (RuntimeException e) {
        diffs = List.of("outputs not comparable: " + e);
      }
      return diffs.isEmpty()
          ? new Outcome(h, p, Verdict.AGREE, "")
          : new Outcome(
              h,
              p,
              Verdict.DISAGREE,
              "both rendered, differently:\n  "
                  + String.join("\n  ", diffs.subList(0, Math.min(5, diffs.size()))));
    }
    if (!h.rendered() && !p.rendered()) {
      return new Outcome(h, p, Verdict.BOTH_REFUSE, "");
    }
    if (h.rendered()) {
      return documentedRefusals.containsAll(p.rules())
          ? new Outcome(h, p, Verdict.DOCUMENTED, "")
          : new Outcome(h, p, Verdict.DISAGREE, "helm rendered, pwk refused: " + p.rules());
    }
    return new Outcome(
        h, p, Verdict.DISAGREE, "helm failed, pwk rendered; helm said: " + h.err().strip());
  }

  /**
   * The smallest case found by leaving out one assignment or flag at a time while {@code fails}
   * still holds (the required values are kept when leaving them out changes the outcome).
   */
  static GeneratedCase shrink(GeneratedCase c, Predicate<GeneratedCase> fails) {
    GeneratedCase current = c;
    boolean smaller = true;
    while (smaller) {
      smaller = false;
      for (GeneratedCase candidate : oneSmaller(current)) {
        if (fails.test(candidate)) {
          current = candidate;
          smaller = true;
          break;
        }
      }
    }
    return current;
  }

  private static List<GeneratedCase> oneSmaller(GeneratedCase c) {
    List<GeneratedCase> out = new ArrayList<>();
    for (int i = 0; i < c.assignments().size(); i++) {
      List<Assignment> a = new ArrayList<>(c.assignments());
      a.remove(i);
      out.add(c.with(a, c.set(), c.setString(), c.setJson()));
    }
    for (int i = 0; i < c.set().size(); i++) {
      out.add(c.with(c.assignments(), without(c.set(), i), c.setString(), c.setJson()));
    }
    for (int i = 0; i < c.setString().size(); i++) {
      out.add(c.with(c.assignments(), c.set(), without(c.setString(), i), c.setJson()));
    }
    for (int i = 0; i < c.setJson().size(); i++) {
      out.add(c.with(c.assignments(), c.set(), c.setString(), without(c.setJson(), i)));
    }
    return out;
  }

  private static List<String> without(List<String> items, int i) {
    List<String> out = new ArrayList<>(items);
    out.remove(i);
    return out;
  }

  /** The rule ids in the table of docs/divergences.md's "Refusal rules" section. */
  static Set<String> refusalRules(Path registry) throws IOException {
    String text = Files.readString(registry);
    int start = text.indexOf("## Refusal rules");
    if (start < 0) {
      throw new IllegalStateException(registry + " has no '## Refusal rules' section");
    }
    int end = text.indexOf("\n## ", start + 1);
    Matcher m =
        Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\|")
            .matcher(text.substring(start, end < 0 ? text.length() : end));
    Set<String> rules = new TreeSet<>();
    while (m.find()) {
      rules.add(m.group(1));
    }
    return rules;
  }

  private static Path repositoryRoot() {
    for (Path p = ConformanceCase.corpusDir(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("tools/helm"))) {
        return p;
      }
    }
    throw new IllegalStateException("repository root (with tools/helm) not found");
  }
}
