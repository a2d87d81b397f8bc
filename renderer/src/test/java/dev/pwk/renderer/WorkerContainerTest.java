package dev.pwk.renderer;

import static dev.pwk.renderer.Rendered.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The worker and sync containers")
class WorkerContainerTest {

  private static final String CMC =
      """
      worker:
        apiConfig: customerManagedCloud
        customerManagedCloudApiConfig:
          apiUrl: https://prefect.example.com/api
          accountId: acc
          workspaceId: ws
      """;

  private static final String SHS =
      """
      worker:
        apiConfig: selfHostedServer
        selfHostedServerApiConfig:
          apiUrl: http://prefect-server.prefect.svc.cluster.local:4200/api
      """;

  private static Rendered render(String overrides) {
    return Rendered.of(TestValues.render(TestValues.required(overrides)));
  }

  @Nested
  @DisplayName("PREFECT_API_URL per API mode")
  class ApiUrl {
    @Test
    @DisplayName("cloud: cloudUrl/accounts/<id>/workspaces/<id>, without slash normalisation")
    void cloud() {
      assertEquals(
          "https://api.prefect.cloud/api/accounts/my-account-id/workspaces/my-workspace-id",
          env(render("{}").c0(), "PREFECT_API_URL").getValue());
      assertEquals(
          "https://x/api//accounts/my-account-id/workspaces/my-workspace-id",
          env(
                  render("worker:\n  cloudApiConfig:\n    cloudUrl: https://x/api/\n").c0(),
                  "PREFECT_API_URL")
              .getValue());
    }

    @Test
    @DisplayName("customer-managed cloud: apiUrl/accounts/<id>/workspaces/<id>")
    void customerManaged() {
      assertEquals(
          "https://prefect.example.com/api/accounts/acc/workspaces/ws",
          env(render(CMC).c0(), "PREFECT_API_URL").getValue());
    }

    @Test
    @DisplayName("self-hosted server: apiUrl as is, in the init container too")
    void selfHosted() {
      Rendered r =
          render(SHS + "  config:\n    baseJobTemplate:\n      existingConfigMapName: bjt\n");
      String url = "http://prefect-server.prefect.svc.cluster.local:4200/api";
      assertEquals(url, env(r.c0(), "PREFECT_API_URL").getValue());
      assertEquals(url, env(r.i0(), "PREFECT_API_URL").getValue());
    }
  }

  @Nested
  @DisplayName("env order per mode")
  class EnvOrder {
    private static final List<String> HEAD =
        List.of(
            "HOME",
            "PREFECT_WORKER_PREFETCH_SECONDS",
            "PREFECT_WORKER_QUERY_SECONDS",
            "PREFECT_API_ENABLE_HTTP2",
            "PREFECT_API_URL",
            "PREFECT_KUBERNETES_CLUSTER_UID",
            "PREFECT_INTEGRATIONS_KUBERNETES_OBSERVER_NAMESPACES");

    private List<String> with(String... tail) {
      List<String> all = new java.util.ArrayList<>(HEAD);
      all.addAll(List.of(tail));
      return all;
    }

    @Test
    @DisplayName("cloud with secretRef: API key, secret name and key, debug")
    void cloud() {
      Container c0 = render("{}").c0();
      assertEquals(
          with(
              "PREFECT_API_KEY",
              "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_NAME",
              "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_KEY",
              "PREFECT_DEBUG_MODE"),
          Rendered.names(c0));
      assertEquals("10", env(c0, "PREFECT_WORKER_PREFETCH_SECONDS").getValue());
      assertEquals("5", env(c0, "PREFECT_WORKER_QUERY_SECONDS").getValue());
      assertEquals("true", env(c0, "PREFECT_API_ENABLE_HTTP2").getValue());
      assertEquals("", env(c0, "PREFECT_KUBERNETES_CLUSTER_UID").getValue());
      assertEquals("false", env(c0, "PREFECT_DEBUG_MODE").getValue());
    }

    @Test
    @DisplayName("customer-managed cloud: API key, cloud API URL (bare when empty), UI URL if set")
    void customerManaged() {
      Container c0 = render(CMC + "    jobApiKeyPropagation: autoSecret\n").c0();
      assertEquals(
          with(
              "PREFECT_API_KEY",
              "PREFECT_CLOUD_API_URL",
              "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_CREATE_SECRET_FOR_API_KEY",
              "PREFECT_DEBUG_MODE"),
          Rendered.names(c0));
      assertNull(env(c0, "PREFECT_CLOUD_API_URL").getValue());
      Container withUi =
          render(CMC + "    cloudApiUrl: https://a\n    cloudUiUrl: https://u\n").c0();
      assertEquals("https://a", env(withUi, "PREFECT_CLOUD_API_URL").getValue());
      assertEquals("https://u", env(withUi, "PREFECT_CLOUD_UI_URL").getValue());
    }

    @Test
    @DisplayName("self-hosted server: no API key; basic auth from a Secret adds three vars")
    void selfHosted() {
      Container c0 =
          render(SHS + "    basicAuth:\n      enabled: true\n      existingSecret: auth\n").c0();
      assertEquals(
          with(
              "PREFECT_DEBUG_MODE",
              "PREFECT_API_AUTH_STRING",
              "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_AUTH_STRING_SECRET_NAME",
              "PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_AUTH_STRING_SECRET_KEY"),
          Rendered.names(c0));
    }

    @Test
    @DisplayName("observer: jobNamespace if set, dropped when cluster-wide; extra env comes last")
    void observerAndExtras() {
      Container c0 =
          render(
                  "worker:\n  config:\n    jobNamespace: a,b\n"
                      + "  extraEnvVars:\n  - {name: HOME, value: dup}\n")
              .c0();
      assertEquals(
          "a,b", env(c0, "PREFECT_INTEGRATIONS_KUBERNETES_OBSERVER_NAMESPACES").getValue());
      EnvVar last = c0.getEnv().get(c0.getEnv().size() - 1);
      assertEquals("dup", last.getValue());
      Container wide = render("worker:\n  config:\n    observerClusterWide: true\n").c0();
      assertTrue(
          Rendered.names(wide).stream()
              .noneMatch(n -> n.equals("PREFECT_INTEGRATIONS_KUBERNETES_OBSERVER_NAMESPACES")));
    }

    @Test
    @DisplayName("the init container: HOME, API URL, auth string, cluster UID, API key, extras")
    void initContainer() {
      Rendered r =
          render(
              "worker:\n  clusterUid: uid-1\n  config:\n    baseJobTemplate:\n"
                  + "      existingConfigMapName: bjt\n"
                  + "  selfHostedServerApiConfig:\n    basicAuth: {enabled: true}\n"
                  + "  initContainer:\n    extraEnvVars: [{name: X, value: 1}]\n");
      assertEquals(
          List.of(
              "HOME",
              "PREFECT_API_URL",
              "PREFECT_API_AUTH_STRING",
              "PREFECT_KUBERNETES_CLUSTER_UID",
              "PREFECT_API_KEY",
              "X"),
          Rendered.names(r.i0()));
      assertEquals("admin:pass", env(r.i0(), "PREFECT_API_AUTH_STRING").getValue());
      assertEquals("uid-1", env(r.i0(), "PREFECT_KUBERNETES_CLUSTER_UID").getValue());
      assertEquals("1", env(r.i0(), "X").getValue());
    }

    @Test
    @DisplayName("the cluster UID option applies only when worker.clusterUid is empty")
    void clusterUidOption() {
      RenderOptions options = TestValues.options().clusterUid("from-cluster").build();
      Rendered r = Rendered.of(TestValues.render(TestValues.required("{}"), options));
      assertEquals("from-cluster", env(r.c0(), "PREFECT_KUBERNETES_CLUSTER_UID").getValue());
      Rendered set =
          Rendered.of(
              TestValues.render(TestValues.required("worker: {clusterUid: own}\n"), options));
      assertEquals("own", env(set.c0(), "PREFECT_KUBERNETES_CLUSTER_UID").getValue());
    }
  }

  @Nested
  @DisplayName("worker arguments")
  class Args {
    @Test
    @DisplayName("defaults: prefect worker start --type --pool --install-policy")
    void defaults() {
      assertEquals(
          List.of(
              "prefect",
              "worker",
              "start",
              "--type",
              "kubernetes",
              "--pool",
              "my-work-pool",
              "--install-policy",
              "prompt"),
          render("{}").c0().getArgs());
    }

    @Test
    @DisplayName(
        "every optional part, in order: queues, limit, healthcheck, name, template, extras")
    void everyOption() {
      Container c0 =
          render(
                  """
                  worker:
                    config:
                      workQueues: [q1, q2]
                      limit: 7
                      name: w1
                      installPolicy: always
                      baseJobTemplate:
                        existingConfigMapName: bjt
                    livenessProbe:
                      enabled: true
                    extraArgs: [--log-level, 3, true]
                  """)
              .c0();
      assertEquals(
          List.of(
              "prefect",
              "worker",
              "start",
              "--type",
              "kubernetes",
              "--pool",
              "my-work-pool",
              "--work-queue",
              "q1",
              "--work-queue",
              "q2",
              "--install-policy",
              "always",
              "--limit",
              "7",
              "--with-healthcheck",
              "--name",
              "w1",
              "--base-job-template",
              "baseJobTemplate.json",
              "--log-level",
              "3",
              "true"),
          c0.getArgs());
      assertEquals("/health", c0.getLivenessProbe().getHttpGet().getPath());
      assertEquals(8080, c0.getLivenessProbe().getHttpGet().getPort().getIntVal());
      assertEquals(10, c0.getLivenessProbe().getInitialDelaySeconds());
    }

    @Test
    @DisplayName("limit 0 and an empty name add nothing")
    void falsyOptions() {
      List<String> args = render("worker:\n  config:\n    limit: 0\n    name: ''\n").c0().getArgs();
      assertTrue(!args.contains("--limit") && !args.contains("--name"));
    }

    @Test
    @DisplayName("worker.args replaces everything; worker.command replaces the entrypoint")
    void replacements() {
      Container c0 =
          render("worker:\n  args: [run]\n  command: [sh]\n  config:\n    workQueues: [q]\n").c0();
      assertEquals(List.of("run"), c0.getArgs());
      assertEquals(List.of("sh"), c0.getCommand());
      assertEquals(
          List.of("/usr/bin/tini", "-g", "--", "/opt/prefect/entrypoint.sh"),
          render("{}").c0().getCommand());
    }
  }

  @Nested
  @DisplayName("the sync init container")
  class SyncContainer {
    @Test
    @DisplayName("the script quotes the pool name with Go's %q and ends with a newline")
    void script() {
      String script = SyncInitContainer.script("pool \"x\"");
      assertTrue(script.startsWith("work_pool_name=\"pool \\\"x\\\"\"\n\n# suppress"), script);
      assertTrue(
          script.endsWith(
              "prefect work-pool update $work_pool_name --base-job-template"
                  + " ./baseJobTemplate.json\n"));
    }

    @Test
    @DisplayName("resources: the init container's own, else the worker's, else none")
    void resources() {
      String bjt = "worker:\n  config:\n    baseJobTemplate:\n      existingConfigMapName: b\n";
      assertEquals("1Gi", render(bjt).i0().getResources().getLimits().get("memory").toString());
      assertEquals(
          "64Mi",
          render(bjt + "  initContainer:\n    resources:\n      limits: {memory: 64Mi}\n")
              .i0()
              .getResources()
              .getLimits()
              .get("memory")
              .toString());
      assertNull(render(bjt + "  resources: null\n").i0().getResources());
    }

    @Test
    @DisplayName("no base job template: no sync container, mount, volume or argument")
    void absent() {
      Rendered r = render("{}");
      assertTrue(r.pod().getInitContainers().isEmpty());
      assertEquals(2, r.c0().getVolumeMounts().size());
      assertEquals(1, r.pod().getVolumes().size());
    }
  }
}
