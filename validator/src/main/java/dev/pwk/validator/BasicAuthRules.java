package dev.pwk.validator;

import dev.pwk.values.Origin;
import dev.pwk.values.Severity;
import dev.pwk.values.chart.ChartValues;

/** Basic auth to a self-hosted server: where the credentials come from. */
final class BasicAuthRules implements Rule {
  static final String AUTH_STRING_IN_FILE = "secrets.auth-string-in-file";
  static final String DEFAULT_CREDENTIALS = "basic-auth.default-credentials";
  static final String EMPTY = "basic-auth.empty";
  static final String UNUSED_SECRET = "basic-auth.unused-secret";

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues.BasicAuth basicAuth = ctx.chart().worker().selfHostedServerApiConfig().basicAuth();
    String enabled = basicAuth.enabled().pointer();
    String authString = basicAuth.authString().pointer();
    String existingSecret = basicAuth.existingSecret().pointer();
    // Only a well-typed flag is interpreted; a string "true" is a schema finding already.
    boolean existing = ctx.truthy(existingSecret);
    if (ctx.isFalse(enabled)) {
      if (existing && ctx.userWrote(existingSecret)) {
        out.add(
            UNUSED_SECRET,
            Severity.INFO,
            existingSecret,
            ctx.at(existingSecret),
            ctx.display(existingSecret),
            ctx.display(enabled));
      }
      return;
    }
    if (!ctx.isTrue(enabled)) {
      return;
    }
    var origin = ctx.userOrigin(authString);
    if (origin.isPresent() && origin.get().kind() == Origin.Kind.FILE && ctx.truthy(authString)) {
      out.add(
          AUTH_STRING_IN_FILE,
          Severity.WARNING,
          authString,
          ctx.at(authString),
          ctx.display(authString),
          ctx.display(existingSecret));
    }
    if (existing) {
      return;
    }
    if (!ctx.truthy(authString)) {
      out.add(
          EMPTY,
          Severity.WARNING,
          authString,
          ctx.at(authString),
          ctx.display(basicAuth.value().pointer()));
    } else if (!ctx.userWrote(authString)) {
      out.add(
          DEFAULT_CREDENTIALS,
          Severity.WARNING,
          enabled,
          ctx.at(enabled),
          ctx.display(authString),
          ctx.display(existingSecret));
    }
  }
}
