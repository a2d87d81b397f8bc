package dev.pwk.validator;

/** One family of checks; implementations are stateless and report through {@link Report}. */
interface Rule {
  void check(LintContext ctx, Report out);
}
