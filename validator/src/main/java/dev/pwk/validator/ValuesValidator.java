package dev.pwk.validator;

import dev.pwk.kube.Release;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValuesException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Lints Prefect worker values: the chart's JSON schema, the values the chart requires, and extra
 * rules a careful reviewer would apply. Every problem is returned as a {@link Finding} that points
 * at the file, line and column (or the flag) that caused it; nothing is printed.
 *
 * <p>Instances are immutable and thread-safe. The schema is loaded once, on first use, from the
 * bundled contract; no network is needed.
 */
public final class ValuesValidator {
  /** Rule-id prefix for problems that stopped values from loading. */
  static final String INPUT_RULE_PREFIX = "input.";

  private static final List<Rule> FULL_RULES =
      List.of(
          new ChartRequirements(),
          new NameRules(),
          new LabelRules(),
          new ResourceRules(),
          new ScalingRules(),
          new WorkerConfigRules(),
          new BaseJobTemplateRules(),
          new ImageRules(),
          new ApiConfigRules(),
          new BasicAuthRules(),
          new SecurityRules(),
          new RbacRules(),
          new DeprecationRules());

  private final TopLevelKeys topLevelKeys;

  private ValuesValidator(Set<String> allowedKeys) {
    this.topLevelKeys = new TopLevelKeys(allowedKeys);
  }

  /** A validator; cheap to create, and safe to share between threads. */
  public static ValuesValidator create() {
    return new ValuesValidator(Set.of());
  }

  /**
   * A validator that also accepts these top-level keys without a warning, for keys that an umbrella
   * chart reads ({@code global} and {@code enabled} are always accepted).
   */
  public ValuesValidator allowingTopLevelKeys(Collection<String> keys) {
    return new ValuesValidator(Set.copyOf(keys));
  }

  /**
   * Validates as {@link #validate(LoadedValues, LintMode, Release)} for {@link Release#DEFAULT}.
   */
  public List<Finding> validate(LoadedValues values, LintMode mode) {
    return validate(values, mode, Release.DEFAULT);
  }

  /**
   * Checks the values and returns every finding, ordered by source (files in the order given, then
   * flags in Helm's order, then the chart defaults), line and column.
   *
   * @param values values from {@code ValuesLoader.load} for {@link LintMode#FULL}, or from {@code
   *     loadWithoutDefaults} for {@link LintMode#PARTIAL}
   * @param mode what to check
   * @param release the release the generated names are computed for
   */
  public List<Finding> validate(LoadedValues values, LintMode mode, Release release) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(release, "release");
    LintContext ctx = new LintContext(values, mode, release);
    Report out = new Report();
    addLoadFindings(out, values.warnings(), ctx::rank);
    SchemaCheck.get().check(ctx, out);
    topLevelKeys.check(ctx, out);
    OldLayouts.report(ctx, values.sources(), out);
    if (mode == LintMode.FULL) {
      for (Rule rule : FULL_RULES) {
        rule.check(ctx, out);
      }
    }
    return out.sorted();
  }

  /**
   * The problems that stopped values from loading, ordered by source as the user gave them (the
   * order in which the loader met them), line and column.
   */
  public static List<Finding> inputFindings(ValuesException e) {
    Report out = new Report();
    List<String> order = e.problems().stream().map(Finding::file).distinct().toList();
    addLoadFindings(out, e.problems(), order::indexOf);
    return out.sorted();
  }

  private static void addLoadFindings(
      Report out, List<Finding> findings, ToLongFunction<String> rank) {
    for (Finding f : findings) {
      out.add(f, f.kind() == Finding.Kind.NONE ? Long.MAX_VALUE : rank.applyAsLong(f.file()));
    }
  }
}
