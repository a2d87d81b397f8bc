package dev.pwk.validator;

import dev.pwk.values.Finding;
import dev.pwk.values.Location;
import dev.pwk.values.Severity;
import dev.pwk.values.chart.RequiredValue;

/**
 * The chart's template-time {@code required} values (docs/chart-spec.md §4.10), listed by {@link
 * RequiredValue}, which {@code helm lint} never reports. Every failing one is reported, in the
 * order the chart would meet them, with the chart's exact wording.
 */
final class ChartRequirements implements Rule {
  static final String REQUIRED = "chart.required";
  static final String MSG_HOW_TO_SET = "chart.required.how-to-set";

  @Override
  public void check(LintContext ctx, Report out) {
    // An invalid apiConfig is a schema finding; the chart would stop before its API checks.
    for (RequiredValue r : RequiredValue.checkedFor(ctx.chart())) {
      if (r.isMissingIn(ctx.chart())) {
        report(ctx, out, r.in(ctx.chart()).pointer(), r.message());
      }
    }
  }

  private static void report(LintContext ctx, Report out, String pointer, String message) {
    Location at = ctx.at(pointer);
    if (at.kind() != Finding.Kind.FILE && !ctx.userWrote(pointer)) {
      // No file of the user's to point at, and a flag that set a neighbour would mislead: say
      // how to give the value instead.
      at = Location.NONE;
      message += Messages.format(MSG_HOW_TO_SET, ctx.display(pointer));
    }
    out.addText(REQUIRED, Severity.ERROR, pointer, at, message);
  }
}
