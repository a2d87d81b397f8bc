package dev.pwk.validator;

import dev.pwk.values.Severity;

/** The ServiceAccount, Role and RoleBinding the chart does (or does not) create. */
final class RbacRules implements Rule {
  static final String CLUSTER_WIDE_OBSERVER = "rbac.cluster-wide-observer";
  static final String BINDING_WITHOUT_ROLE = "rbac.binding-without-role";
  static final String DEFAULT_SERVICE_ACCOUNT = "rbac.default-service-account";

  @Override
  public void check(LintContext ctx, Report out) {
    String observer = "/worker/config/observerClusterWide";
    if (ctx.isTrue(observer)) {
      out.add(
          CLUSTER_WIDE_OBSERVER, Severity.INFO, observer, ctx.at(observer), ctx.display(observer));
    }
    if (ctx.isTrue("/rolebinding/create") && ctx.isFalse("/role/create")) {
      out.add(
          BINDING_WITHOUT_ROLE,
          Severity.INFO,
          "/role/create",
          ctx.at("/role/create"),
          ctx.fullname());
    }
    if (ctx.isFalse("/serviceAccount/create") && !ctx.truthy("/serviceAccount/name")) {
      out.add(
          DEFAULT_SERVICE_ACCOUNT,
          Severity.INFO,
          "/serviceAccount/create",
          ctx.at("/serviceAccount/create"));
    }
  }
}
