package dev.pwk.renderer;

import dev.pwk.kube.FieldChecks;
import dev.pwk.kube.KubeSyntax;
import dev.pwk.kube.Value;
import java.util.Optional;
import java.util.Set;

/**
 * The Role and RoleBinding (docs/chart-spec.md §4.4): rule shapes, and whether the binding refers
 * to the Role and ServiceAccount this rendering creates. The chart creates them independently
 * ({@code role.create}, {@code rolebinding.create}, {@code serviceAccount.create}), so a binding
 * may rightly refer to objects that come from elsewhere; that is a warning, since they must then
 * exist in the cluster.
 */
final class RbacChecks {
  static final String ROLEBINDING_ROLE = "manifest.rolebinding-role";
  static final String ROLEBINDING_SUBJECT = "manifest.rolebinding-subject";

  static final String RBAC_GROUP = "rbac.authorization.k8s.io";
  private static final Set<String> ROLE_KINDS = Set.of("Role", "ClusterRole");
  private static final Set<String> SUBJECT_KINDS = Set.of("ServiceAccount", "User", "Group");

  private RbacChecks() {}

  static void role(FieldChecks c, ManifestDocument doc) {
    for (Value rule : doc.root().child("rules").items()) {
      c.requiredNonEmpty(rule, "verbs");
      if (!FieldChecks.isEmpty(rule.child("nonResourceURLs").node())) {
        c.error(
            rule.child("nonResourceURLs"),
            FieldChecks.INVALID_VALUE,
            FieldChecks.INVALID_VALUE + ".non-resource-url");
        continue;
      }
      c.requiredNonEmpty(rule, "resources");
      c.requiredNonEmpty(rule, "apiGroups");
    }
  }

  /**
   * The binding's shape, and whether it binds the rendered Role to the worker's ServiceAccount.
   *
   * @param role the rendered Role, if any
   * @param serviceAccount the rendered ServiceAccount, if any
   * @param deployment the rendered Deployment, whose pods the binding should empower
   */
  static void binding(
      FieldChecks c,
      ManifestDocument binding,
      Optional<ManifestDocument> role,
      Optional<ManifestDocument> serviceAccount,
      Optional<ManifestDocument> deployment) {
    Value roleRef = binding.root().child("roleRef");
    String group = c.required(roleRef, "apiGroup");
    if (!group.isEmpty() && !group.equals(RBAC_GROUP)) {
      c.oneOf(roleRef.child("apiGroup"), Set.of(RBAC_GROUP));
    }
    String kind = c.required(roleRef, "kind");
    c.oneOf(roleRef.child("kind"), ROLE_KINDS);
    String roleName = c.required(roleRef, "name");
    if (kind.equals("Role") && !roleName.isEmpty()) {
      roleTarget(c, binding, roleRef.child("name"), roleName, role);
    }

    boolean bindsWorker = false;
    String workerAccount =
        deployment
            .map(d -> d.tree().at("/spec/template/spec/serviceAccountName").asText("default"))
            .orElse(null);
    for (Value subject : binding.root().child("subjects").items()) {
      String subjectKind = c.required(subject, "kind");
      c.oneOf(subject.child("kind"), SUBJECT_KINDS);
      String name = c.required(subject, "name");
      if (!subjectKind.equals("ServiceAccount") || name.isEmpty()) {
        continue;
      }
      c.oneOf(subject.child("apiGroup"), Set.of(""));
      c.name(subject.child("name"), KubeSyntax.DNS_SUBDOMAIN);
      c.name(subject.child("namespace"), KubeSyntax.DNS_LABEL);
      String namespace = FieldChecks.text(subject.child("namespace"));
      if (namespace.isEmpty()) {
        namespace = binding.namespace();
      }
      subjectTarget(c, subject, name, namespace, serviceAccount);
      bindsWorker |=
          deployment.isPresent()
              && name.equals(workerAccount)
              && namespace.equals(deployment.get().namespace());
    }
    if (deployment.isPresent() && !bindsWorker) {
      c.warning(
          binding.root().child("subjects"),
          ROLEBINDING_SUBJECT,
          ROLEBINDING_SUBJECT + ".not-worker",
          deployment.get().namespace() + "/" + workerAccount);
    }
  }

  private static void roleTarget(
      FieldChecks c,
      ManifestDocument binding,
      Value at,
      String roleName,
      Optional<ManifestDocument> role) {
    String namespace = binding.namespace();
    if (role.isEmpty()) {
      c.warning(at, ROLEBINDING_ROLE, ROLEBINDING_ROLE + ".not-rendered", roleName, namespace);
    } else if (!role.get().name().equals(roleName) || !role.get().namespace().equals(namespace)) {
      c.error(
          at,
          ROLEBINDING_ROLE,
          ROLEBINDING_ROLE,
          namespace + "/" + roleName,
          role.get().namespace() + "/" + role.get().name());
    }
  }

  private static void subjectTarget(
      FieldChecks c,
      Value subject,
      String name,
      String namespace,
      Optional<ManifestDocument> serviceAccount) {
    Value at = subject.child("name");
    if (serviceAccount.isEmpty()) {
      c.warning(at, ROLEBINDING_SUBJECT, ROLEBINDING_SUBJECT + ".not-rendered", name, namespace);
    } else if (!serviceAccount.get().name().equals(name)
        || !serviceAccount.get().namespace().equals(namespace)) {
      c.error(
          at,
          ROLEBINDING_SUBJECT,
          ROLEBINDING_SUBJECT,
          namespace + "/" + name,
          serviceAccount.get().namespace() + "/" + serviceAccount.get().name());
    }
  }
}
