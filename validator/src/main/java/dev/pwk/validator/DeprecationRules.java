package dev.pwk.validator;

import dev.pwk.values.Severity;
import java.util.Map;

/** Keys the chart still honours but has deprecated. */
final class DeprecationRules implements Rule {
  static final String DEPRECATED = "values.deprecated";

  private static final Map<String, String> REPLACEMENTS =
      Map.of(
          "/worker/extraEnvVarsCM", "worker.extraEnvVarsCMs",
          "/worker/extraEnvVarsSecret", "worker.extraEnvVarsSecrets");

  @Override
  public void check(LintContext ctx, Report out) {
    REPLACEMENTS.forEach(
        (p, replacement) -> {
          if (ctx.truthy(p)) {
            out.add(DEPRECATED, Severity.WARNING, p, ctx.atKey(p), ctx.display(p), replacement);
          }
        });
  }
}
