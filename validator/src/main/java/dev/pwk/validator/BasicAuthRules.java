package dev.pwk.validator;

import dev.pwk.values.Origin;
import dev.pwk.values.Severity;

/** Basic auth to a self-hosted server: where the credentials come from. */
final class BasicAuthRules implements Rule {
  static final String AUTH_STRING_IN_FILE = "secrets.auth-string-in-file";
  static final String DEFAULT_CREDENTIALS = "basic-auth.default-credentials";
  static final String EMPTY = "basic-auth.empty";
  static final String UNUSED_SECRET = "basic-auth.unused-secret";

  private static final String BASIC_AUTH = "/worker/selfHostedServerApiConfig/basicAuth";
  private static final String ENABLED = BASIC_AUTH + "/enabled";
  private static final String AUTH_STRING = BASIC_AUTH + "/authString";
  private static final String EXISTING_SECRET = BASIC_AUTH + "/existingSecret";

  @Override
  public void check(LintContext ctx, Report out) {
    // Only a well-typed flag is interpreted; a string "true" is a schema finding already.
    boolean existing = ctx.truthy(EXISTING_SECRET);
    if (ctx.isFalse(ENABLED)) {
      if (existing && ctx.userWrote(EXISTING_SECRET)) {
        out.add(
            UNUSED_SECRET,
            Severity.INFO,
            EXISTING_SECRET,
            ctx.at(EXISTING_SECRET),
            ctx.display(EXISTING_SECRET),
            ctx.display(ENABLED));
      }
      return;
    }
    if (!ctx.isTrue(ENABLED)) {
      return;
    }
    var origin = ctx.userOrigin(AUTH_STRING);
    if (origin.isPresent() && origin.get().kind() == Origin.Kind.FILE && ctx.truthy(AUTH_STRING)) {
      out.add(
          AUTH_STRING_IN_FILE,
          Severity.WARNING,
          AUTH_STRING,
          ctx.at(AUTH_STRING),
          ctx.display(AUTH_STRING),
          ctx.display(EXISTING_SECRET));
    }
    if (existing) {
      return;
    }
    if (!ctx.truthy(AUTH_STRING)) {
      out.add(EMPTY, Severity.WARNING, AUTH_STRING, ctx.at(AUTH_STRING), ctx.display(BASIC_AUTH));
    } else if (!ctx.userWrote(AUTH_STRING)) {
      out.add(
          DEFAULT_CREDENTIALS,
          Severity.WARNING,
          ENABLED,
          ctx.at(ENABLED),
          ctx.display(AUTH_STRING),
          ctx.display(EXISTING_SECRET));
    }
  }
}
