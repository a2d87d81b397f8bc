package dev.pwk.renderer;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import java.util.Optional;

/**
 * {@code rolebinding.yaml} (docs/chart-spec.md §4.4): binds the Role to the worker's
 * ServiceAccount. It follows {@code rolebinding.create} alone, and its subject stays in the release
 * namespace even when {@code role.namespace} moves the binding.
 */
final class RoleBindingManifest {
  static final String TEMPLATE = "rolebinding.yaml";

  private RoleBindingManifest() {}

  static Optional<RoleBinding> build(RenderContext ctx) {
    if (!ctx.values().roleBindingCreate()) {
      return Optional.empty();
    }
    Names n = ctx.names();
    return Optional.of(
        new RoleBindingBuilder()
            .withMetadata(ctx.metadata().object(n.fullname(), n.roleNamespace()))
            .withNewRoleRef("rbac.authorization.k8s.io", "Role", n.fullname())
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(n.serviceAccountName())
            .withNamespace(n.namespace())
            .endSubject()
            .build());
  }
}
