package dev.pwk.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Warns about Secrets that the release's Deployments need but the namespace lacks, such as the API
 * key Secret and the basic-auth Secret. Only existence is checked, with a metadata-only get: pwk
 * never reads a Secret's data.
 */
final class SecretReferences {
  private final KubernetesClient client;
  private final ReleaseListener listener;

  SecretReferences(KubernetesClient client, ReleaseListener listener) {
    this.client = client;
    this.listener = listener;
  }

  /**
   * One use of a Secret by a pod.
   *
   * @param namespace where the pod and so the Secret live
   * @param secret the Secret name
   * @param usedBy e.g. {@code PREFECT_API_KEY in container prefect-worker}
   * @param valuesPath the value that names the Secret, or empty when unknown
   */
  record Use(String namespace, String secret, String usedBy, String valuesPath) {}

  /** Warns once per missing Secret, naming who needs it and the value that names it. */
  void warnMissing(List<HasMetadata> objects, JsonNode values) {
    Map<String, List<Use>> bySecret = new LinkedHashMap<>();
    for (Use use : uses(objects, values)) {
      bySecret
          .computeIfAbsent(use.namespace() + "/" + use.secret(), k -> new ArrayList<>())
          .add(use);
    }
    for (List<Use> uses : bySecret.values()) {
      Use first = uses.get(0);
      boolean exists;
      try {
        exists =
            client
                    .secrets()
                    .inNamespace(first.namespace())
                    .withName(first.secret())
                    .getAsPartialObjectMetadata()
                != null;
      } catch (KubernetesClientException e) {
        if (!ApiErrors.is(e, ApiErrors.FORBIDDEN)) {
          throw e;
        }
        listener.warn(
            "cannot check whether Secret \""
                + first.secret()
                + "\" exists in namespace \""
                + first.namespace()
                + "\" (forbidden); make sure it does");
        continue;
      }
      if (!exists) {
        listener.warn(describe(uses));
      }
    }
  }

  private static String describe(List<Use> uses) {
    Use first = uses.get(0);
    List<String> users = uses.stream().map(Use::usedBy).distinct().toList();
    List<String> paths =
        uses.stream().map(Use::valuesPath).filter(p -> !p.isEmpty()).distinct().toList();
    return "Secret \""
        + first.secret()
        + "\" does not exist in namespace \""
        + first.namespace()
        + "\", so the worker pods will not start until it does (needed by "
        + String.join(", ", users)
        + (paths.isEmpty() ? "" : "; named by " + String.join(", ", paths))
        + ")";
  }

  /** Every non-optional Secret reference in the pod templates of the Deployments. */
  static List<Use> uses(List<HasMetadata> objects, JsonNode values) {
    List<Use> out = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (!(object instanceof Deployment d)
          || d.getSpec() == null
          || d.getSpec().getTemplate() == null
          || d.getSpec().getTemplate().getSpec() == null) {
        continue;
      }
      String ns = d.getMetadata().getNamespace();
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      Stream.concat(
              nullSafe(pod.getInitContainers()).stream(), nullSafe(pod.getContainers()).stream())
          .forEach(c -> containerUses(ns, c, values, out));
      for (Volume v : nullSafe(pod.getVolumes())) {
        if (v.getSecret() != null
            && v.getSecret().getSecretName() != null
            && !Boolean.TRUE.equals(v.getSecret().getOptional())) {
          out.add(new Use(ns, v.getSecret().getSecretName(), "volume " + v.getName(), ""));
        }
      }
    }
    return out;
  }

  private static void containerUses(String ns, Container c, JsonNode values, List<Use> out) {
    for (EnvVar env : nullSafe(c.getEnv())) {
      if (env.getValueFrom() != null
          && env.getValueFrom().getSecretKeyRef() != null
          && env.getValueFrom().getSecretKeyRef().getName() != null
          && !Boolean.TRUE.equals(env.getValueFrom().getSecretKeyRef().getOptional())) {
        out.add(
            new Use(
                ns,
                env.getValueFrom().getSecretKeyRef().getName(),
                env.getName() + " in container " + c.getName(),
                valuesPath(env.getName(), values)));
      }
    }
    for (EnvFromSource from : nullSafe(c.getEnvFrom())) {
      if (from.getSecretRef() != null
          && from.getSecretRef().getName() != null
          && !Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
        out.add(
            new Use(
                ns,
                from.getSecretRef().getName(),
                "envFrom of container " + c.getName(),
                "worker.extraEnvVarsSecrets"));
      }
    }
  }

  /** The value that names the Secret behind a chart env var (docs/chart-spec.md §4.6). */
  private static String valuesPath(String env, JsonNode values) {
    if ("PREFECT_API_KEY".equals(env)) {
      String mode = values.path("worker").path("apiConfig").asText("cloud");
      return "customerManagedCloud".equals(mode)
          ? "worker.customerManagedCloudApiConfig.apiKeySecret.name"
          : "worker.cloudApiConfig.apiKeySecret.name";
    }
    if ("PREFECT_API_AUTH_STRING".equals(env)) {
      return "worker.selfHostedServerApiConfig.basicAuth.existingSecret";
    }
    return "";
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
