package dev.pwk.renderer;

import static dev.pwk.renderer.Rendered.env;
import static dev.pwk.renderer.Rendered.hasEnv;
import static dev.pwk.renderer.Rendered.upstreamTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The 79 tests (156 assertions) of the chart's helm-unittest suite ({@code tests/worker_test.yaml},
 * docs/chart-spec.md §5) on the rendered objects, with each test's values from its {@code ut-NN}
 * corpus case. Literals follow the released chart (appVersion 3.8.3). The suite's {@code
 * notContains} checks on a bare {@code {name: X}} compare whole elements and so pass vacuously;
 * here they assert that no env var is named X.
 */
@DisplayName("Upstream unit tests (worker_test.yaml)")
class UpstreamUnitTest {

  private static final PolicyRule SECRETS_RULE =
      new PolicyRuleBuilder()
          .withApiGroups("")
          .withResources("secrets")
          .withVerbs("get", "list", "create", "update", "delete")
          .build();

  private static Quantity q(String amount) {
    return new Quantity(amount);
  }

  @Nested
  @DisplayName("basic auth")
  class BasicAuth {
    @Test
    @DisplayName("01 Should not set basic auth by default")
    void t01() {
      assertFalse(hasEnv(upstreamTest(1).c0(), "PREFECT_API_AUTH_STRING"));
    }

    @Test
    @DisplayName("02 Should set basic auth from authString")
    void t02() {
      assertEquals(
          "admin:mypassword", env(upstreamTest(2).c0(), "PREFECT_API_AUTH_STRING").getValue());
    }

    @Test
    @DisplayName("03 Should set basic auth from existing secret")
    void t03() {
      assertTrue(
          upstreamTest(3)
              .c0()
              .getEnv()
              .contains(
                  new EnvVarBuilder()
                      .withName("PREFECT_API_AUTH_STRING")
                      .withNewValueFrom()
                      .withNewSecretKeyRef()
                      .withName("my-auth-secret")
                      .withKey("auth-string")
                      .endSecretKeyRef()
                      .endValueFrom()
                      .build()));
    }

    @Test
    @DisplayName(
        "66 Should set auth string secret environment variables when existingSecret is provided")
    void t66() {
      Container c0 = upstreamTest(66).c0();
      assertEquals(
          "my-auth-secret",
          env(c0, "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_AUTH_STRING_SECRET_NAME").getValue());
      assertEquals(
          "auth-string",
          env(c0, "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_AUTH_STRING_SECRET_KEY").getValue());
    }
  }

  @Nested
  @DisplayName("init containers")
  class InitContainers {
    @Test
    @DisplayName("04 Should set extra init containers")
    void t04() {
      Container i0 = upstreamTest(4).i0();
      assertEquals("code-init", i0.getName());
      assertEquals("custom/prefect-init:v2.0.0", i0.getImage());
    }

    @Test
    @DisplayName("05 Should set the correct initContainer resource requests and limits")
    void t05() {
      Map<String, Quantity> requests = upstreamTest(5).i0().getResources().getRequests();
      Map<String, Quantity> limits = upstreamTest(5).i0().getResources().getLimits();
      assertEquals(q("50m"), requests.get("cpu"));
      assertEquals(q("128Mi"), requests.get("memory"));
      assertEquals(q("50Mi"), requests.get("ephemeral-storage"));
      assertEquals(q("200m"), limits.get("cpu"));
      assertEquals(q("256Mi"), limits.get("memory"));
      assertEquals(q("100Mi"), limits.get("ephemeral-storage"));
    }

    @Test
    @DisplayName("29 Should pass arbitrary initContainer containerSecurityContext fields through")
    void t29() {
      SecurityContext sc = upstreamTest(29).i0().getSecurityContext();
      assertEquals(2000L, sc.getRunAsGroup());
      assertEquals("Localhost", sc.getSeccompProfile().getType());
      assertEquals("/profiles/restricted.json", sc.getSeccompProfile().getLocalhostProfile());
    }

    @Test
    @DisplayName("30 Should render extraEnv in sync-base-job-template initContainer")
    void t30() {
      assertTrue(
          upstreamTest(30)
              .i0()
              .getEnv()
              .contains(
                  new EnvVarBuilder().withName("PREFECT_API_KEY").withValue("my-api-key").build()));
    }

    @Test
    @DisplayName("78 Should render work pool name in initContainer script")
    void t78() {
      String script = upstreamTest(78).i0().getArgs().get(0);
      assertTrue(Pattern.compile("work_pool_name=\"my-work-pool\"").matcher(script).find());
    }
  }

  @Nested
  @DisplayName("image")
  class Image {
    @Test
    @DisplayName("06 Should set the correct image and tag (released tag 3.8.3)")
    void t06() {
      assertEquals(
          "prefecthq/prefect:3.8.3-python3.11-kubernetes", upstreamTest(6).c0().getImage());
    }

    @Test
    @DisplayName("07 Should set custom image and tag")
    void t07() {
      assertEquals("custom/prefect:v2.0.0", upstreamTest(7).c0().getImage());
    }

    @Test
    @DisplayName("08 Should set the correct pull policy")
    void t08() {
      assertEquals("IfNotPresent", upstreamTest(8).c0().getImagePullPolicy());
    }

    @Test
    @DisplayName("09 Should set custom pull policy")
    void t09() {
      assertEquals("Always", upstreamTest(9).c0().getImagePullPolicy());
    }

    @Test
    @DisplayName("10 Should set image pull secrets")
    void t10() {
      assertEquals("my-secret", upstreamTest(10).pod().getImagePullSecrets().get(0).getName());
    }
  }

  @Nested
  @DisplayName("worker arguments")
  class WorkerArgs {
    @Test
    @DisplayName("11 Should set the correct work queue")
    void t11() {
      List<String> args = upstreamTest(11).c0().getArgs();
      assertEquals("one", args.get(8));
      assertEquals("two", args.get(10));
    }

    @Test
    @DisplayName("12 Should set the correct worker type")
    void t12() {
      assertEquals("process", upstreamTest(12).c0().getArgs().get(4));
    }

    @Test
    @DisplayName("67 Should configure custom entrypoint and args")
    void t67() {
      Container c0 = upstreamTest(67).c0();
      assertEquals(List.of("/usr/bin/tini", "myentrypoint"), c0.getCommand());
      assertEquals(List.of("prefect", "worker", "start"), c0.getArgs());
    }

    @Test
    @DisplayName("77 Should render work pool name in deployment --pool arg")
    void t77() {
      assertEquals("my-work-pool", upstreamTest(77).c0().getArgs().get(6));
    }
  }

  @Nested
  @DisplayName("API configuration")
  class ApiConfiguration {
    @Test
    @DisplayName("13 Should set the correct API configuration for Prefect Cloud")
    void t13() {
      assertEquals(
          "https://api.prefect.cloud/api/accounts/my-account-id/workspaces/my-workspace-id",
          env(upstreamTest(13).c0(), "PREFECT_API_URL").getValue());
    }

    @Test
    @DisplayName("14 Should set the correct API configuration for self-managed cloud")
    void t14() {
      assertEquals(
          "https://my-prefect-api.com/api/accounts/my-account-id/workspaces/my-workspace-id",
          env(upstreamTest(14).c0(), "PREFECT_API_URL").getValue());
    }

    @Test
    @DisplayName("15 Should set the cloud API and UI urls for self-managed cloud")
    void t15() {
      Container c0 = upstreamTest(15).c0();
      assertEquals("https://my-prefect-api.com/api", env(c0, "PREFECT_CLOUD_API_URL").getValue());
      assertEquals("https://my-prefect-ui.com", env(c0, "PREFECT_CLOUD_UI_URL").getValue());
    }

    @Test
    @DisplayName("16 Should not set the cloud UI url for self-managed cloud when it is empty")
    void t16() {
      assertFalse(hasEnv(upstreamTest(16).c0(), "PREFECT_CLOUD_UI_URL"));
    }

    @Test
    @DisplayName("17 Should set the correct API configuration for self-hosted server")
    void t17() {
      assertEquals(
          "http://prefect-server:4200/api",
          env(upstreamTest(17).c0(), "PREFECT_API_URL").getValue());
    }

    @Test
    @DisplayName("18 Should set the correct API key secret")
    void t18() {
      var ref = env(upstreamTest(18).c0(), "PREFECT_API_KEY").getValueFrom().getSecretKeyRef();
      assertEquals("my-api-key-secret", ref.getName());
      assertEquals("api-key", ref.getKey());
    }
  }

  @Nested
  @DisplayName("replicas")
  class Replicas {
    @Test
    @DisplayName("19 Should set the correct replica count when autoscaling is disabled")
    void t19() {
      assertEquals(3, upstreamTest(19).deployment().getSpec().getReplicas());
    }

    @Test
    @DisplayName("20 Should omit replicas field from deployment when autoscaling is enabled")
    void t20() {
      assertNull(upstreamTest(20).deployment().getSpec().getReplicas());
    }

    @Test
    @DisplayName("21 Should include replicas field in deployment when autoscaling is disabled")
    void t21() {
      assertEquals(4, upstreamTest(21).deployment().getSpec().getReplicas());
    }
  }

  @Nested
  @DisplayName("resources and security contexts")
  class ResourcesAndSecurity {
    @Test
    @DisplayName("22 Should set the correct resource requests and limits")
    void t22() {
      Map<String, Quantity> requests = upstreamTest(22).c0().getResources().getRequests();
      Map<String, Quantity> limits = upstreamTest(22).c0().getResources().getLimits();
      assertEquals(q("250m"), requests.get("cpu"));
      assertEquals(q("256Mi"), requests.get("memory"));
      assertEquals(q("100Mi"), requests.get("ephemeral-storage"));
      assertEquals(q("500m"), limits.get("cpu"));
      assertEquals(q("512Mi"), limits.get("memory"));
      assertEquals(q("200Mi"), limits.get("ephemeral-storage"));
    }

    @Test
    @DisplayName("23 Should set the correct security context")
    void t23() {
      var sc = upstreamTest(23).pod().getSecurityContext();
      assertEquals(1002L, sc.getRunAsUser());
      assertEquals(1002L, sc.getFsGroup());
      assertEquals(false, sc.getRunAsNonRoot());
    }

    @Test
    @DisplayName("24 Should set the correct container security context")
    void t24() {
      SecurityContext sc = upstreamTest(24).c0().getSecurityContext();
      assertEquals(1002L, sc.getRunAsUser());
      assertEquals(false, sc.getRunAsNonRoot());
      assertEquals(false, sc.getReadOnlyRootFilesystem());
      assertEquals(true, sc.getAllowPrivilegeEscalation());
    }

    @Test
    @DisplayName("25 Should set a Localhost container seccomp profile")
    void t25() {
      assertEquals(
          new SeccompProfile("profiles/restricted.json", "Localhost"),
          upstreamTest(25).c0().getSecurityContext().getSeccompProfile());
    }

    @Test
    @DisplayName("26 Should unset the security context")
    void t26() {
      var sc = upstreamTest(26).pod().getSecurityContext();
      assertNull(sc.getRunAsUser());
      assertNull(sc.getFsGroup());
    }

    @Test
    @DisplayName("27 Should unset the container security context")
    void t27() {
      assertNull(upstreamTest(27).c0().getSecurityContext().getRunAsUser());
    }

    @Test
    @DisplayName("28 Should pass arbitrary containerSecurityContext fields through to the manifest")
    void t28() {
      SecurityContext sc = upstreamTest(28).c0().getSecurityContext();
      assertEquals(2000L, sc.getRunAsGroup());
      assertEquals("Default", sc.getProcMount());
      assertEquals("RuntimeDefault", sc.getSeccompProfile().getType());
      assertEquals("s0:c123,c456", sc.getSeLinuxOptions().getLevel());
    }
  }

  @Nested
  @DisplayName("pod scheduling and metadata")
  class PodScheduling {
    @Test
    @DisplayName("31 Should set pod annotations")
    void t31() {
      assertEquals(
          "custom-value",
          upstreamTest(31)
              .deployment()
              .getSpec()
              .getTemplate()
              .getMetadata()
              .getAnnotations()
              .get("custom-annotation"));
    }

    @Test
    @DisplayName("32 Should set affinity")
    void t32() {
      assertEquals(
          "kubernetes.io/e2e-az-name",
          upstreamTest(32)
              .pod()
              .getAffinity()
              .getNodeAffinity()
              .getRequiredDuringSchedulingIgnoredDuringExecution()
              .getNodeSelectorTerms()
              .get(0)
              .getMatchExpressions()
              .get(0)
              .getKey());
    }

    @Test
    @DisplayName("33 Should set node selector")
    void t33() {
      assertEquals("ssd", upstreamTest(33).pod().getNodeSelector().get("disktype"));
    }

    @Test
    @DisplayName("34 Should set tolerations")
    void t34() {
      assertEquals("key1", upstreamTest(34).pod().getTolerations().get(0).getKey());
    }

    @Test
    @DisplayName("43 Should set the correct priority class name")
    void t43() {
      assertEquals("high-priority", upstreamTest(43).pod().getPriorityClassName());
    }
  }

  @Nested
  @DisplayName("extra environment")
  class ExtraEnvironment {
    @Test
    @DisplayName("35 Should set extra environment variables")
    void t35() {
      assertEquals("custom_value", env(upstreamTest(35).c0(), "CUSTOM_ENV").getValue());
    }

    @Test
    @DisplayName("36 Should set extra environment variables from ConfigMap")
    void t36() {
      assertEquals(
          "my-config-map", upstreamTest(36).c0().getEnvFrom().get(0).getConfigMapRef().getName());
    }

    @Test
    @DisplayName("37 Should set extra environment variables from ConfigMaps")
    void t37() {
      var envFrom = upstreamTest(37).c0().getEnvFrom();
      assertTrue(envFrom.contains(configMapRef("my-config-map")));
      assertTrue(envFrom.contains(configMapRef("my-other-config-map")));
    }

    @Test
    @DisplayName("38 Should set extra environment variables from Secret")
    void t38() {
      assertTrue(upstreamTest(38).c0().getEnvFrom().contains(secretRef("my-secret")));
    }

    @Test
    @DisplayName("39 Should set extra environment variables from Secrets")
    void t39() {
      var envFrom = upstreamTest(39).c0().getEnvFrom();
      assertTrue(envFrom.contains(secretRef("my-secret")));
      assertTrue(envFrom.contains(secretRef("my-other-secret")));
    }

    private static Object configMapRef(String name) {
      return new EnvFromSourceBuilder()
          .withNewConfigMapRef()
          .withName(name)
          .endConfigMapRef()
          .build();
    }

    private static Object secretRef(String name) {
      return new EnvFromSourceBuilder().withNewSecretRef().withName(name).endSecretRef().build();
    }
  }

  @Nested
  @DisplayName("volumes, service account and probe")
  class VolumesAccountProbe {
    @Test
    @DisplayName("40 Should set extra volumes")
    void t40() {
      assertEquals("config", upstreamTest(40).pod().getVolumes().get(1).getName());
    }

    @Test
    @DisplayName("41 Should set extra volume mounts")
    void t41() {
      assertEquals("config", upstreamTest(41).c0().getVolumeMounts().get(2).getName());
    }

    @Test
    @DisplayName("42 Should set the correct service account name")
    void t42() {
      assertEquals("custom-sa", upstreamTest(42).pod().getServiceAccountName());
    }

    @Test
    @DisplayName("44 Should set the correct liveness probe")
    void t44() {
      var probe = upstreamTest(44).c0().getLivenessProbe();
      assertEquals(30, probe.getInitialDelaySeconds());
      assertEquals(10, probe.getPeriodSeconds());
      assertEquals(5, probe.getTimeoutSeconds());
      assertEquals(6, probe.getFailureThreshold());
      assertEquals(1, probe.getSuccessThreshold());
    }
  }

  @Nested
  @DisplayName("API key propagation to flow-run pods")
  class Propagation {
    private static final String NAME = "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_NAME";
    private static final String KEY = "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_KEY";
    private static final String CREATE =
        "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_CREATE_SECRET_FOR_API_KEY";

    @Test
    @DisplayName("45 Should set Kubernetes worker secret env vars for cloud config")
    void t45() {
      Container c0 = upstreamTest(45).c0();
      assertEquals("cloud-api-key-secret", env(c0, NAME).getValue());
      assertEquals("api-key", env(c0, KEY).getValue());
    }

    @Test
    @DisplayName("46 Should set Kubernetes worker secret env vars for self-managed config")
    void t46() {
      Container c0 = upstreamTest(46).c0();
      assertEquals("self-managed-api-key-secret", env(c0, NAME).getValue());
      assertEquals("secret-key", env(c0, KEY).getValue());
    }

    @Test
    @DisplayName("47 Should set create-secret env var for cloud autoSecret mode")
    void t47() {
      Container c0 = upstreamTest(47).c0();
      assertEquals("true", env(c0, CREATE).getValue());
      assertFalse(hasEnv(c0, NAME));
      assertFalse(hasEnv(c0, KEY));
    }

    @Test
    @DisplayName("48 Should set create-secret env var for self-managed autoSecret mode")
    void t48() {
      Container c0 = upstreamTest(48).c0();
      assertEquals("true", env(c0, CREATE).getValue());
      assertFalse(hasEnv(c0, NAME));
      assertFalse(hasEnv(c0, KEY));
    }

    @Test
    @DisplayName("49 Should not set any secret env vars for cloud envVar mode")
    void t49() {
      Container c0 = upstreamTest(49).c0();
      assertFalse(hasEnv(c0, NAME));
      assertFalse(hasEnv(c0, KEY));
      assertFalse(hasEnv(c0, CREATE));
    }

    @Test
    @DisplayName("50 Should not set any secret env vars for self-managed envVar mode")
    void t50() {
      Container c0 = upstreamTest(50).c0();
      assertFalse(hasEnv(c0, NAME));
      assertFalse(hasEnv(c0, KEY));
      assertFalse(hasEnv(c0, CREATE));
    }
  }

  @Nested
  @DisplayName("secrets RBAC rule")
  class SecretsRule {
    @Test
    @DisplayName("51 Should add secrets RBAC rule for cloud autoSecret mode")
    void t51() {
      assertTrue(upstreamTest(51).role().getRules().contains(SECRETS_RULE));
    }

    @Test
    @DisplayName("52 Should add secrets RBAC rule for self-managed autoSecret mode")
    void t52() {
      assertTrue(upstreamTest(52).role().getRules().contains(SECRETS_RULE));
    }

    @Test
    @DisplayName("53 Should not add secrets RBAC rule for cloud secretRef mode")
    void t53() {
      assertFalse(upstreamTest(53).role().getRules().contains(SECRETS_RULE));
    }

    @Test
    @DisplayName("54 Should not add secrets RBAC rule for cloud envVar mode")
    void t54() {
      assertFalse(upstreamTest(54).role().getRules().contains(SECRETS_RULE));
    }
  }

  @Nested
  @DisplayName("DNS")
  class Dns {
    @Test
    @DisplayName("55 Should not set Kubernetes worker dnsPolicy if not provided")
    void t55() {
      assertNull(upstreamTest(55).pod().getDnsPolicy());
    }

    @Test
    @DisplayName("56 Should set Kubernetes worker dnsPolicy if provided")
    void t56() {
      assertEquals("ClusterFirst", upstreamTest(56).pod().getDnsPolicy());
    }

    @Test
    @DisplayName("57 Should not set Kubernetes worker dnsConfig if not provided")
    void t57() {
      assertNull(upstreamTest(57).pod().getDnsConfig());
    }

    @Test
    @DisplayName("58 Should set Kubernetes worker dnsConfig, all sub-values provided")
    void t58() {
      PodDNSConfig dns = upstreamTest(58).pod().getDnsConfig();
      assertEquals("1.1.1.1", dns.getNameservers().get(0));
      assertEquals("8.8.8.8", dns.getNameservers().get(1));
      assertEquals("example.com", dns.getSearches().get(0));
      assertEquals("ndots", dns.getOptions().get(0).getName());
      assertEquals("2", dns.getOptions().get(0).getValue());
      assertEquals("edns0", dns.getOptions().get(1).getName());
      assertNull(dns.getOptions().get(1).getValue());
    }

    @Test
    @DisplayName("59 Should set Kubernetes worker dnsConfig, only nameservers provided")
    void t59() {
      PodDNSConfig dns = upstreamTest(59).pod().getDnsConfig();
      assertEquals("1.1.1.1", dns.getNameservers().get(0));
      assertEquals(1, dns.getNameservers().size());
      assertTrue(dns.getSearches().isEmpty());
      assertTrue(dns.getOptions().isEmpty());
    }

    @Test
    @DisplayName("60 Should set Kubernetes worker dnsConfig, only searches provided")
    void t60() {
      PodDNSConfig dns = upstreamTest(60).pod().getDnsConfig();
      assertEquals("example.com", dns.getSearches().get(0));
      assertEquals(1, dns.getSearches().size());
      assertTrue(dns.getNameservers().isEmpty());
      assertTrue(dns.getOptions().isEmpty());
    }

    @Test
    @DisplayName("61 Should set Kubernetes worker dnsConfig, only options provided")
    void t61() {
      PodDNSConfig dns = upstreamTest(61).pod().getDnsConfig();
      assertEquals("edns0", dns.getOptions().get(0).getName());
      assertNull(dns.getOptions().get(0).getValue());
      assertEquals(1, dns.getOptions().size());
      assertTrue(dns.getNameservers().isEmpty());
      assertTrue(dns.getSearches().isEmpty());
    }
  }

  @Nested
  @DisplayName("observer namespaces")
  class Observer {
    private static final String OBSERVER = "PREFECT_INTEGRATIONS_KUBERNETES_OBSERVER_NAMESPACES";

    @Test
    @DisplayName("62 Should set Kubernetes worker observer namespaces by default")
    void t62() {
      assertEquals("prefect", env(upstreamTest(62).c0(), OBSERVER).getValue());
    }

    @Test
    @DisplayName("63 Should set Kubernetes worker observer namespaces with override")
    void t63() {
      assertEquals("my-namespace", env(upstreamTest(63).c0(), OBSERVER).getValue());
    }

    @Test
    @DisplayName("64 Should set Kubernetes worker observer namespaces with job override")
    void t64() {
      assertEquals("job-namespace", env(upstreamTest(64).c0(), OBSERVER).getValue());
    }

    @Test
    @DisplayName("65 Should set Kubernetes worker observer cluster wide")
    void t65() {
      assertFalse(hasEnv(upstreamTest(65).c0(), OBSERVER));
    }
  }

  @Nested
  @DisplayName("labels and RBAC namespace")
  class LabelsAndNamespace {
    @Test
    @DisplayName("68 Should configure additional labels on templated resources")
    void t68() {
      Rendered r = upstreamTest(68);
      for (String kind :
          List.of(
              "ConfigMap",
              "Deployment",
              "HorizontalPodAutoscaler",
              "Role",
              "RoleBinding",
              "ServiceAccount")) {
        HasMetadata o = r.kind(kind).orElseThrow(() -> new AssertionError("no " + kind));
        assertEquals("my-value", o.getMetadata().getLabels().get("my-label"), kind);
      }
    }

    @Test
    @DisplayName("69 Should allow override of role and rolebinding namespace")
    void t69() {
      Rendered r = upstreamTest(69);
      assertEquals("my-namespace", r.role().getMetadata().getNamespace());
      assertEquals("my-namespace", r.roleBinding().getMetadata().getNamespace());
    }
  }

  @Nested
  @DisplayName("PodDisruptionBudget")
  class Pdb {
    private static final String SELECTOR = "prefect.io/worker-deployment-name";

    @Test
    @DisplayName("70 Should not create PDB by default")
    void t70() {
      Rendered r = upstreamTest(70);
      assertEquals(0, r.documents("pdb.yaml"));
      assertFalse(
          r.deployment().getSpec().getTemplate().getMetadata().getLabels().containsKey(SELECTOR));
    }

    @Test
    @DisplayName("71 Should create PDB with maxUnavailable")
    void t71() {
      Rendered r = upstreamTest(71);
      assertEquals(1, r.documents("pdb.yaml"));
      PodDisruptionBudget pdb = (PodDisruptionBudget) r.kind("PodDisruptionBudget").orElseThrow();
      assertEquals("policy/v1", pdb.getApiVersion());
      assertEquals("PodDisruptionBudget", pdb.getKind());
      assertEquals("prefect-worker", pdb.getMetadata().getName());
      assertEquals("prefect", pdb.getMetadata().getNamespace());
      assertEquals(new IntOrString(1), pdb.getSpec().getMaxUnavailable());
      assertEquals(
          "worker",
          pdb.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/component"));
    }

    @Test
    @DisplayName("72 Should create PDB with minAvailable")
    void t72() {
      Rendered r = upstreamTest(72);
      assertEquals(1, r.documents("pdb.yaml"));
      assertEquals(new IntOrString(1), pdb(r).getSpec().getMinAvailable());
    }

    @Test
    @DisplayName(
        "73 Should scope PDB to the worker fullname without changing the Deployment selector")
    void t73() {
      Rendered r = upstreamTest(73);
      assertEquals(
          "custom-prefect-worker", pdb(r).getSpec().getSelector().getMatchLabels().get(SELECTOR));
      Map<String, String> podLabels =
          r.deployment().getSpec().getTemplate().getMetadata().getLabels();
      assertEquals("custom-prefect-worker", podLabels.get(SELECTOR));
      assertEquals("runtime-worker", podLabels.get("prefect.io/worker-name"));
      assertFalse(r.deployment().getSpec().getSelector().getMatchLabels().containsKey(SELECTOR));
    }

    @Test
    @DisplayName("74 Should create PDB with unhealthyPodEvictionPolicy")
    void t74() {
      PodDisruptionBudget pdb = pdb(upstreamTest(74));
      assertEquals(new IntOrString(1), pdb.getSpec().getMaxUnavailable());
      assertEquals("AlwaysAllow", pdb.getSpec().getUnhealthyPodEvictionPolicy());
    }

    @Test
    @DisplayName("75 Should include common labels in PDB")
    void t75() {
      assertEquals("my-value", pdb(upstreamTest(75)).getMetadata().getLabels().get("my-label"));
    }

    @Test
    @DisplayName("76 Should include common annotations in PDB")
    void t76() {
      assertEquals(
          "my-value", pdb(upstreamTest(76)).getMetadata().getAnnotations().get("my-annotation"));
    }

    private static PodDisruptionBudget pdb(Rendered r) {
      return (PodDisruptionBudget) r.kind("PodDisruptionBudget").orElseThrow();
    }
  }

  @Nested
  @DisplayName("base job template ConfigMap")
  class BaseJobTemplate {
    @Test
    @DisplayName("79 Should render baseJobTemplate configuration as JSON in configmap")
    void t79() {
      assertNotNull(upstreamTest(79).configMap().getData().get("baseJobTemplate.json"));
    }
  }
}
