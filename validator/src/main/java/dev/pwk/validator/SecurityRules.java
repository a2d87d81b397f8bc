package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Severity;
import dev.pwk.values.chart.ChartValue;
import dev.pwk.values.chart.ChartValues;
import java.util.List;

/** Security contexts that give the worker more power than it needs. */
final class SecurityRules implements Rule {
  static final String RUN_AS_ROOT = "security.run-as-root";
  static final String PRIVILEGED = "security.privileged";
  static final String PRIVILEGE_ESCALATION = "security.privilege-escalation";

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues.Worker worker = ctx.chart().worker();
    List<ChartValue> containerContexts =
        List.of(
            worker.containerSecurityContext(), worker.initContainer().containerSecurityContext());
    for (ChartValue c :
        List.of(worker.podSecurityContext(), containerContexts.get(0), containerContexts.get(1))) {
      String nonRoot = c.child("runAsNonRoot").pointer();
      String user = c.child("runAsUser").pointer();
      if (ctx.isFalse(nonRoot)) {
        out.add(
            RUN_AS_ROOT, Severity.WARNING, nonRoot, ctx.at(nonRoot), ctx.display(nonRoot), "false");
      }
      JsonNode uid = ctx.node(user);
      if (uid.isIntegralNumber() && uid.longValue() == 0) {
        out.add(RUN_AS_ROOT, Severity.WARNING, user, ctx.at(user), ctx.display(user), "0");
      }
    }
    for (ChartValue c : containerContexts) {
      String privileged = c.child("privileged").pointer();
      if (ctx.isTrue(privileged)) {
        out.add(
            PRIVILEGED, Severity.WARNING, privileged, ctx.at(privileged), ctx.display(privileged));
      }
      String escalation = c.child("allowPrivilegeEscalation").pointer();
      if (ctx.isTrue(escalation)) {
        out.add(
            PRIVILEGE_ESCALATION,
            Severity.WARNING,
            escalation,
            ctx.at(escalation),
            ctx.display(escalation));
      }
    }
  }
}
