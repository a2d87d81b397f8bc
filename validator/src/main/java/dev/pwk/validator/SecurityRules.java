package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Severity;
import java.util.List;

/** Security contexts that give the worker more power than it needs. */
final class SecurityRules implements Rule {
  static final String RUN_AS_ROOT = "security.run-as-root";
  static final String PRIVILEGED = "security.privileged";
  static final String PRIVILEGE_ESCALATION = "security.privilege-escalation";

  private static final List<String> CONTAINER_CONTEXTS =
      List.of("/worker/containerSecurityContext", "/worker/initContainer/containerSecurityContext");
  private static final String POD_CONTEXT = "/worker/podSecurityContext";

  @Override
  public void check(LintContext ctx, Report out) {
    for (String c : List.of(POD_CONTEXT, CONTAINER_CONTEXTS.get(0), CONTAINER_CONTEXTS.get(1))) {
      String nonRoot = c + "/runAsNonRoot";
      String user = c + "/runAsUser";
      if (ctx.isFalse(nonRoot)) {
        out.add(
            RUN_AS_ROOT, Severity.WARNING, nonRoot, ctx.at(nonRoot), ctx.display(nonRoot), "false");
      }
      JsonNode uid = ctx.node(user);
      if (uid.isIntegralNumber() && uid.longValue() == 0) {
        out.add(RUN_AS_ROOT, Severity.WARNING, user, ctx.at(user), ctx.display(user), "0");
      }
    }
    for (String c : CONTAINER_CONTEXTS) {
      String privileged = c + "/privileged";
      if (ctx.isTrue(privileged)) {
        out.add(
            PRIVILEGED, Severity.WARNING, privileged, ctx.at(privileged), ctx.display(privileged));
      }
      String escalation = c + "/allowPrivilegeEscalation";
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
