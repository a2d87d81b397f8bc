package dev.pwk.validator;

import dev.pwk.values.Severity;
import dev.pwk.values.chart.ChartValue;
import dev.pwk.values.chart.ChartValues;

/** The ServiceAccount, Role and RoleBinding the chart does (or does not) create. */
final class RbacRules implements Rule {
  static final String CLUSTER_WIDE_OBSERVER = "rbac.cluster-wide-observer";
  static final String BINDING_WITHOUT_ROLE = "rbac.binding-without-role";
  static final String DEFAULT_SERVICE_ACCOUNT = "rbac.default-service-account";

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues chart = ctx.chart();
    String observer = chart.worker().config().observerClusterWide().pointer();
    if (ctx.isTrue(observer)) {
      out.add(
          CLUSTER_WIDE_OBSERVER, Severity.INFO, observer, ctx.at(observer), ctx.display(observer));
    }
    ChartValue roleCreate = chart.role().create();
    if (chart.rolebinding().create().isTrue() && roleCreate.isFalse()) {
      out.add(
          BINDING_WITHOUT_ROLE,
          Severity.INFO,
          roleCreate.pointer(),
          ctx.at(roleCreate.pointer()),
          ctx.fullname());
    }
    ChartValues.ServiceAccount account = chart.serviceAccount();
    if (account.create().isFalse() && !account.name().truthy()) {
      out.add(
          DEFAULT_SERVICE_ACCOUNT,
          Severity.INFO,
          account.create().pointer(),
          ctx.at(account.create().pointer()));
    }
  }
}
