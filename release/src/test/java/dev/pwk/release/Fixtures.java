package dev.pwk.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects shaped like the renderer's output for release {@value #RELEASE} in namespace {@value
 * #NAMESPACE} (FULLNAME {@code prefect-worker}), for a Kubernetes 1.20 cluster.
 *
 * @param tag the image tag
 * @param autoscaling whether the HPA is rendered (and {@code replicas} left out)
 * @param basicAuth whether the literal basic-auth string is rendered as an env var
 * @param existingAuthSecret the basic-auth Secret name, or null
 * @param extraToken the value of the {@code MY_TOKEN} extra env var
 * @param options the plan's options
 */
record Fixtures(
    String tag,
    boolean autoscaling,
    boolean basicAuth,
    String existingAuthSecret,
    String extraToken,
    ReleaseOptions options) {
  static final String RELEASE = "demo";
  static final String NAMESPACE = "prefect";
  static final String FULLNAME = "prefect-worker";
  static final String TOOL_VERSION = "0.1.0-test";
  static final ChartRef CHART = new ChartRef("prefect-worker", "2026.8.18172642", "3.8.3");
  static final String AUTH_STRING = "admin:s3cr3t-pass";
  static final String EXTRA_TOKEN = "tok-0123456789";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Fixtures worker() {
    return new Fixtures(
        "3.8.3-python3.11-kubernetes", false, false, null, EXTRA_TOKEN, ReleaseOptions.defaults());
  }

  Fixtures withTag(String value) {
    return new Fixtures(value, autoscaling, basicAuth, existingAuthSecret, extraToken, options);
  }

  Fixtures withAutoscaling(boolean value) {
    return new Fixtures(tag, value, basicAuth, existingAuthSecret, extraToken, options);
  }

  Fixtures withBasicAuth(boolean value) {
    return new Fixtures(tag, autoscaling, value, existingAuthSecret, extraToken, options);
  }

  Fixtures withExistingAuthSecret(String value) {
    return new Fixtures(tag, autoscaling, true, value, extraToken, options);
  }

  Fixtures withExtraToken(String value) {
    return new Fixtures(tag, autoscaling, basicAuth, existingAuthSecret, value, options);
  }

  Fixtures withOptions(ReleaseOptions value) {
    return new Fixtures(tag, autoscaling, basicAuth, existingAuthSecret, extraToken, value);
  }

  ReleasePlan plan() {
    return new ReleasePlan(RELEASE, NAMESPACE, objects(), values(), CHART, options);
  }

  JsonNode values() {
    String yaml =
        "worker:\n"
            + "  apiConfig: cloud\n"
            + "  autoscaling: {enabled: "
            + autoscaling
            + ", minReplicas: 1, maxReplicas: 3}\n"
            + "  image: {repository: prefecthq/prefect, prefectTag: "
            + tag
            + "}\n"
            + "  config: {workPool: my-pool}\n"
            + "  cloudApiConfig:\n"
            + "    accountId: acc\n"
            + "    workspaceId: ws\n"
            + "    apiKeySecret: {name: prefect-api-key, key: key}\n"
            + "    jobApiKeyPropagation: secretRef\n"
            + "  selfHostedServerApiConfig:\n"
            + "    basicAuth:\n"
            + "      enabled: "
            + basicAuth
            + "\n"
            + "      authString: \""
            + AUTH_STRING
            + "\"\n"
            + "      existingSecret: \""
            + (existingAuthSecret == null ? "" : existingAuthSecret)
            + "\"\n"
            + "  extraEnvVars:\n"
            + "    - {name: MY_TOKEN, value: "
            + extraToken
            + "}\n";
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<HasMetadata> objects() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "prefect-worker");
    labels.put("helm.sh/chart", "prefect-worker-2026.8.18172642");
    labels.put("app.kubernetes.io/instance", RELEASE);
    labels.put("app.kubernetes.io/managed-by", "Helm");
    labels.put("app.kubernetes.io/component", "worker");
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put("app.kubernetes.io/name", "prefect-worker");
    selector.put("app.kubernetes.io/instance", RELEASE);
    selector.put("app.kubernetes.io/component", "worker");

    List<HasMetadata> out = new ArrayList<>();
    out.add(
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withName(FULLNAME)
            .withNamespace(NAMESPACE)
            .withLabels(labels)
            .endMetadata()
            .build());
    out.add(
        new RoleBuilder()
            .withNewMetadata()
            .withName(FULLNAME)
            .withNamespace(NAMESPACE)
            .withLabels(labels)
            .endMetadata()
            .addNewRule()
            .withApiGroups("batch")
            .withResources("jobs")
            .withVerbs("get", "list", "watch", "create", "update", "patch", "delete")
            .endRule()
            .build());
    out.add(
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName(FULLNAME)
            .withNamespace(NAMESPACE)
            .withLabels(labels)
            .endMetadata()
            .withNewRoleRef()
            .withApiGroup("rbac.authorization.k8s.io")
            .withKind("Role")
            .withName(FULLNAME)
            .endRoleRef()
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(FULLNAME)
            .withNamespace(NAMESPACE)
            .endSubject()
            .build());
    out.add(
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(FULLNAME)
            .withNamespace(NAMESPACE)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withReplicas(autoscaling ? null : 1)
            .withRevisionHistoryLimit(10)
            .withNewSelector()
            .withMatchLabels(selector)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withServiceAccountName(FULLNAME)
            .addNewContainer()
            .withName("prefect-worker")
            .withImage("prefecthq/prefect:" + tag)
            .withEnv(env())
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
    if (autoscaling) {
      out.add(
          new HorizontalPodAutoscalerBuilder()
              .withNewMetadata()
              .withName(FULLNAME)
              .withNamespace(NAMESPACE)
              .withLabels(labels)
              .endMetadata()
              .withNewSpec()
              .withNewScaleTargetRef()
              .withApiVersion("apps/v1")
              .withKind("Deployment")
              .withName(FULLNAME)
              .endScaleTargetRef()
              .withMinReplicas(1)
              .withMaxReplicas(3)
              .endSpec()
              .build());
    }
    return out;
  }

  private List<EnvVar> env() {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("HOME", "/home/prefect", null));
    env.add(
        new EnvVar(
            "PREFECT_API_URL", "https://api.prefect.cloud/api/accounts/acc/workspaces/ws", null));
    env.add(
        new EnvVarBuilder()
            .withName("PREFECT_API_KEY")
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName("prefect-api-key")
            .withKey("key")
            .endSecretKeyRef()
            .endValueFrom()
            .build());
    if (basicAuth && existingAuthSecret == null) {
      env.add(new EnvVar("PREFECT_API_AUTH_STRING", AUTH_STRING, null));
    } else if (basicAuth) {
      env.add(
          new EnvVarBuilder()
              .withName("PREFECT_API_AUTH_STRING")
              .withNewValueFrom()
              .withNewSecretKeyRef()
              .withName(existingAuthSecret)
              .withKey("auth-string")
              .endSecretKeyRef()
              .endValueFrom()
              .build());
    }
    env.add(new EnvVar("MY_TOKEN", extraToken, null));
    return env;
  }
}
