package dev.pwk.renderer;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code role.yaml} (docs/chart-spec.md §4.4): the worker's namespaced permissions, plus a secrets
 * rule when a cloud mode propagates the API key with {@code autoSecret}, plus {@code
 * role.extraPermissions}.
 */
final class RoleManifest {
  static final String TEMPLATE = "role.yaml";

  private RoleManifest() {}

  static Optional<Role> build(RenderContext ctx) {
    WorkerValues v = ctx.values();
    if (!v.roleCreate()) {
      return Optional.empty();
    }
    List<PolicyRule> rules = new ArrayList<>();
    rules.add(
        rule(
            List.of(""),
            List.of("events", "pods", "pods/log", "pods/status"),
            List.of("get", "watch", "list")));
    rules.add(
        rule(
            List.of("batch"),
            List.of("jobs"),
            List.of("get", "list", "watch", "create", "update", "patch", "delete")));
    if (needsSecretsRule(v)) {
      rules.add(
          rule(
              List.of(""),
              List.of("secrets"),
              List.of("get", "list", "create", "update", "delete")));
    }
    if (v.roleExtraPermissions().truthy()) {
      rules.addAll(
          ctx.freeForm().list(ctx.tpl().render(v.roleExtraPermissions()), PolicyRule.class));
    }
    Names n = ctx.names();
    return Optional.of(
        new RoleBuilder()
            .withMetadata(ctx.metadata().object(n.fullname(), n.roleNamespace()))
            .withRules(rules)
            .build());
  }

  /** The worker creates API-key Secrets for flow runs only in a cloud mode with autoSecret. */
  static boolean needsSecretsRule(WorkerValues v) {
    return v.cloudMode().filter(m -> m.jobApiKeyPropagation().equals("autoSecret")).isPresent();
  }

  private static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(groups)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }
}
