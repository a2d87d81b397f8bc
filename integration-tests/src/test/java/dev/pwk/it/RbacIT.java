package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pwk.renderer.Rendering;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The rendered Role and RoleBinding, applied for real, as the API server's authorizer sees them:
 * SubjectAccessReviews ask what the worker's service account may do in its namespace.
 */
@RequiresCluster
@DisplayName("RBAC: the worker's service account may do its job, and no more")
class RbacIT {

  /** What the worker does with flow-run Jobs and their pods (resource, subresource, verb). */
  private static final List<Access> WORKER_NEEDS =
      List.of(
          new Access("batch", "jobs", "", "create"),
          new Access("batch", "jobs", "", "delete"),
          new Access("", "pods", "", "get"),
          new Access("", "pods", "", "watch"),
          new Access("", "pods", "", "list"),
          new Access("", "pods", "log", "get"),
          new Access("", "pods", "log", "watch"),
          new Access("", "pods", "log", "list"));

  private static final List<Access> SECRETS =
      List.of(new Access("", "secrets", "", "get"), new Access("", "secrets", "", "create"));

  record Access(String group, String resource, String subresource, String verb) {
    @Override
    public String toString() {
      return verb
          + " "
          + (group.isEmpty() ? "" : group + "/")
          + resource
          + (subresource.isEmpty() ? "" : "/" + subresource);
    }
  }

  @Nested
  @DisplayName("with the default API-key propagation (secretRef)")
  class SecretRef {
    @Test
    @DisplayName("may create and delete Jobs, and get, watch and list pods and pods/log")
    void mayRunJobsAndReadPods(Cluster cluster, TestNamespace ns) {
      Worker worker = install(cluster, ns);
      assertAll(WORKER_NEEDS.stream().map(a -> allowed(cluster, worker, a, true)));
    }

    @Test
    @DisplayName("may not get or create Secrets")
    void mayNotTouchSecrets(Cluster cluster, TestNamespace ns) {
      Worker worker = install(cluster, ns);
      awaitRoleInEffect(cluster, worker);
      assertAll(SECRETS.stream().map(a -> allowed(cluster, worker, a, false)));
    }
  }

  @Nested
  @DisplayName("with worker.cloudApiConfig.jobApiKeyPropagation=autoSecret")
  class AutoSecret {
    @Test
    @DisplayName("may get and create Secrets (for flow-run API keys), and still run Jobs")
    void mayManageSecrets(Cluster cluster, TestNamespace ns) {
      Worker worker = install(cluster, ns, "worker.cloudApiConfig.jobApiKeyPropagation=autoSecret");
      assertAll(
          Stream.concat(SECRETS.stream(), WORKER_NEEDS.stream())
              .map(a -> allowed(cluster, worker, a, true)));
    }
  }

  /** The worker's service account and namespace, as its Deployment runs it. */
  record Worker(String namespace, String serviceAccount) {
    String user() {
      return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }
  }

  private static Worker install(Cluster cluster, TestNamespace ns, String... sets) {
    Rendering rendering =
        Manifests.render(cluster, "rbac", ns.name(), Manifests.values("cloud.yaml", sets));
    Manifests.apply(cluster, rendering);
    Deployment deployment = rendering.find(Deployment.class).orElseThrow();
    String sa = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
    assertFalse(sa == null || sa.isEmpty() || sa.equals("default"), "worker service account");
    return new Worker(ns.name(), sa);
  }

  /**
   * Waits until the authorizer grants what the Role grants: RBAC reads bindings from a cache, so a
   * denial right after the apply would prove nothing.
   */
  private static void awaitRoleInEffect(Cluster cluster, Worker worker) {
    Access probe = WORKER_NEEDS.get(0);
    Poll.until(
        Duration.ofSeconds(15),
        worker.user() + " to be allowed to " + probe,
        () -> review(cluster, worker, probe),
        r -> Boolean.TRUE.equals(r.getStatus().getAllowed()),
        r -> "denied: " + r.getStatus().getReason());
  }

  private static Executable allowed(
      Cluster cluster, Worker worker, Access access, boolean expected) {
    return () ->
        Poll.until(
            // A grant may take a moment to reach the authorizer's cache; a denial is checked
            // after awaitRoleInEffect, so it is settled.
            expected ? Duration.ofSeconds(15) : Duration.ZERO,
            worker.user() + (expected ? " may " : " may not ") + access,
            () -> review(cluster, worker, access),
            r -> Boolean.valueOf(expected).equals(r.getStatus().getAllowed()),
            r ->
                (Boolean.TRUE.equals(r.getStatus().getAllowed()) ? "allowed" : "denied")
                    + (r.getStatus().getReason() == null ? "" : ": " + r.getStatus().getReason()));
  }

  private static SubjectAccessReview review(Cluster cluster, Worker worker, Access access) {
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(worker.user())
            .withGroups(
                "system:serviceaccounts",
                "system:serviceaccounts:" + worker.namespace(),
                "system:authenticated")
            .withNewResourceAttributes()
            .withNamespace(worker.namespace())
            .withGroup(access.group())
            .withResource(access.resource())
            .withSubresource(access.subresource())
            .withVerb(access.verb())
            .endResourceAttributes()
            .endSpec()
            .build();
    return cluster.client().authorization().v1().subjectAccessReview().create(review);
  }
}
