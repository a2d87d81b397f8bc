package dev.pwk.validator;

import dev.pwk.values.Severity;
import dev.pwk.values.chart.ChartValue;
import dev.pwk.values.chart.ChartValues;

/** Keys the chart still honours but has deprecated. */
final class DeprecationRules implements Rule {
  static final String DEPRECATED = "values.deprecated";

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues.Worker worker = ctx.chart().worker();
    deprecated(ctx, out, worker.extraEnvVarsCM(), worker.extraEnvVarsCMs());
    deprecated(ctx, out, worker.extraEnvVarsSecret(), worker.extraEnvVarsSecrets());
  }

  private static void deprecated(
      LintContext ctx, Report out, ChartValue value, ChartValue replacement) {
    if (value.truthy()) {
      String p = value.pointer();
      String instead = ctx.display(replacement.pointer());
      out.add(DEPRECATED, Severity.WARNING, p, ctx.atKey(p), ctx.display(p), instead);
    }
  }
}
