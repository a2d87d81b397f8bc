package dev.pwk.values.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The chart's values as the chart reads them: one accessor per value path its templates use, each
 * giving the merged value and its JSON pointer. This is the only place that spells the chart's
 * keys, so when a chart release renames one, one accessor changes and the compiler lists every
 * reader.
 *
 * <pre>{@code
 * ChartValues chart = ChartValues.of(loaded.tree());
 * ChartValue pool = chart.worker().config().workPool();
 * pool.pointer();  // "/worker/config/workPool"
 * pool.text();     // the work pool name
 * }</pre>
 *
 * @param root the merged values (chart defaults and the user's values)
 */
public record ChartValues(ChartValue root) {

  /** A view of merged values, such as {@code LoadedValues.tree()}. */
  public static ChartValues of(JsonNode merged) {
    return new ChartValues(new ChartValue("", merged));
  }

  public ChartValue nameOverride() {
    return root.child("nameOverride");
  }

  public ChartValue fullnameOverride() {
    return root.child("fullnameOverride");
  }

  public ChartValue namespaceOverride() {
    return root.child("namespaceOverride");
  }

  public ChartValue commonLabels() {
    return root.child("commonLabels");
  }

  public ChartValue commonAnnotations() {
    return root.child("commonAnnotations");
  }

  public ServiceAccount serviceAccount() {
    return new ServiceAccount(root.child("serviceAccount"));
  }

  public Role role() {
    return new Role(root.child("role"));
  }

  public RoleBinding rolebinding() {
    return new RoleBinding(root.child("rolebinding"));
  }

  public Worker worker() {
    return new Worker(root.child("worker"));
  }

  /**
   * {@code serviceAccount}.
   *
   * @param value this part of the values, with its pointer
   */
  public record ServiceAccount(ChartValue value) {
    public ChartValue create() {
      return value.child("create");
    }

    public ChartValue name() {
      return value.child("name");
    }

    public ChartValue annotations() {
      return value.child("annotations");
    }
  }

  /**
   * {@code role}.
   *
   * @param value this part of the values, with its pointer
   */
  public record Role(ChartValue value) {
    public ChartValue create() {
      return value.child("create");
    }

    public ChartValue namespace() {
      return value.child("namespace");
    }

    public ChartValue extraPermissions() {
      return value.child("extraPermissions");
    }
  }

  /**
   * {@code rolebinding}.
   *
   * @param value this part of the values, with its pointer
   */
  public record RoleBinding(ChartValue value) {
    public ChartValue create() {
      return value.child("create");
    }
  }

  /**
   * {@code worker}.
   *
   * @param value this part of the values, with its pointer
   */
  public record Worker(ChartValue value) {
    public Autoscaling autoscaling() {
      return new Autoscaling(value.child("autoscaling"));
    }

    public ChartValue clusterUid() {
      return value.child("clusterUid");
    }

    public InitContainer initContainer() {
      return new InitContainer(value.child("initContainer"));
    }

    public ChartValue dnsPolicy() {
      return value.child("dnsPolicy");
    }

    public DnsConfig dnsConfig() {
      return new DnsConfig(value.child("dnsConfig"));
    }

    public Image image() {
      return new Image(value.child("image"));
    }

    public WorkerConfig config() {
      return new WorkerConfig(value.child("config"));
    }

    /** The mode's name: {@code cloud}, {@code customerManagedCloud} or {@code selfHostedServer}. */
    public ChartValue apiConfig() {
      return value.child("apiConfig");
    }

    /** The settings block of a mode, e.g. {@code worker.cloudApiConfig}. */
    public ChartValue apiConfigBlock(ApiMode mode) {
      return value.child(mode.block());
    }

    public CloudApiConfig cloudApiConfig() {
      return new CloudApiConfig(apiConfigBlock(ApiMode.CLOUD));
    }

    public CustomerManagedCloudApiConfig customerManagedCloudApiConfig() {
      return new CustomerManagedCloudApiConfig(apiConfigBlock(ApiMode.CUSTOMER_MANAGED_CLOUD));
    }

    public SelfHostedServerApiConfig selfHostedServerApiConfig() {
      return new SelfHostedServerApiConfig(apiConfigBlock(ApiMode.SELF_HOSTED_SERVER));
    }

    /** The account and API-key settings of a cloud mode; empty for a server. */
    public Optional<CloudSettings> cloudSettings(ApiMode mode) {
      return switch (mode) {
        case CLOUD -> Optional.of(cloudApiConfig());
        case CUSTOMER_MANAGED_CLOUD -> Optional.of(customerManagedCloudApiConfig());
        case SELF_HOSTED_SERVER -> Optional.empty();
      };
    }

    public ChartValue revisionHistoryLimit() {
      return value.child("revisionHistoryLimit");
    }

    public ChartValue replicaCount() {
      return value.child("replicaCount");
    }

    public ChartValue resources() {
      return value.child("resources");
    }

    public LivenessProbe livenessProbe() {
      return new LivenessProbe(value.child("livenessProbe"));
    }

    public ChartValue podSecurityContext() {
      return value.child("podSecurityContext");
    }

    public ChartValue priorityClassName() {
      return value.child("priorityClassName");
    }

    public ChartValue containerSecurityContext() {
      return value.child("containerSecurityContext");
    }

    public ChartValue args() {
      return value.child("args");
    }

    public ChartValue command() {
      return value.child("command");
    }

    public ChartValue podLabels() {
      return value.child("podLabels");
    }

    public ChartValue podAnnotations() {
      return value.child("podAnnotations");
    }

    public ChartValue affinity() {
      return value.child("affinity");
    }

    public ChartValue nodeSelector() {
      return value.child("nodeSelector");
    }

    public ChartValue tolerations() {
      return value.child("tolerations");
    }

    public ChartValue extraEnvVars() {
      return value.child("extraEnvVars");
    }

    /** Deprecated upstream in favour of {@link #extraEnvVarsCMs()}, still rendered. */
    public ChartValue extraEnvVarsCM() {
      return value.child("extraEnvVarsCM");
    }

    public ChartValue extraEnvVarsCMs() {
      return value.child("extraEnvVarsCMs");
    }

    /** Deprecated upstream in favour of {@link #extraEnvVarsSecrets()}, still rendered. */
    public ChartValue extraEnvVarsSecret() {
      return value.child("extraEnvVarsSecret");
    }

    public ChartValue extraEnvVarsSecrets() {
      return value.child("extraEnvVarsSecrets");
    }

    public ChartValue extraContainers() {
      return value.child("extraContainers");
    }

    public ChartValue extraVolumes() {
      return value.child("extraVolumes");
    }

    public ChartValue extraVolumeMounts() {
      return value.child("extraVolumeMounts");
    }

    public ChartValue extraArgs() {
      return value.child("extraArgs");
    }

    public ChartValue podDisruptionBudget() {
      return value.child("podDisruptionBudget");
    }

    /**
     * The values that reach the worker only through the chart's default argument list, which {@link
     * #args()} replaces.
     */
    public List<ChartValue> defaultArgumentValues() {
      WorkerConfig c = config();
      return List.of(c.type(), c.workQueues(), c.installPolicy(), c.name(), c.limit(), extraArgs());
    }
  }

  /**
   * {@code worker.autoscaling}: the HorizontalPodAutoscaler.
   *
   * @param value this part of the values, with its pointer
   */
  public record Autoscaling(ChartValue value) {
    public ChartValue enabled() {
      return value.child("enabled");
    }

    public ChartValue minReplicas() {
      return value.child("minReplicas");
    }

    public ChartValue maxReplicas() {
      return value.child("maxReplicas");
    }

    public ChartValue targetCPUUtilizationPercentage() {
      return value.child("targetCPUUtilizationPercentage");
    }

    public ChartValue targetMemoryUtilizationPercentage() {
      return value.child("targetMemoryUtilizationPercentage");
    }
  }

  /**
   * {@code worker.initContainer}: the container that pushes the base job template.
   *
   * @param value this part of the values, with its pointer
   */
  public record InitContainer(ChartValue value) {
    public ChartValue resources() {
      return value.child("resources");
    }

    public ChartValue containerSecurityContext() {
      return value.child("containerSecurityContext");
    }

    public ChartValue extraEnvVars() {
      return value.child("extraEnvVars");
    }

    public ChartValue extraContainers() {
      return value.child("extraContainers");
    }
  }

  /**
   * {@code worker.dnsConfig}.
   *
   * @param value this part of the values, with its pointer
   */
  public record DnsConfig(ChartValue value) {
    public ChartValue nameservers() {
      return value.child("nameservers");
    }

    public ChartValue searches() {
      return value.child("searches");
    }

    /** The resolver options, a list of {@link DnsOption} maps. */
    public ChartValue options() {
      return value.child("options");
    }
  }

  /**
   * One item of {@code worker.dnsConfig.options}.
   *
   * @param value this part of the values, with its pointer
   */
  public record DnsOption(ChartValue value) {
    public ChartValue name() {
      return value.child("name");
    }

    /** The option's value, as opposed to {@link #value()}, the item itself. */
    public ChartValue optionValue() {
      return value.child("value");
    }
  }

  /**
   * {@code worker.image}.
   *
   * @param value this part of the values, with its pointer
   */
  public record Image(ChartValue value) {
    public ChartValue repository() {
      return value.child("repository");
    }

    public ChartValue prefectTag() {
      return value.child("prefectTag");
    }

    public ChartValue pullPolicy() {
      return value.child("pullPolicy");
    }

    public ChartValue pullSecrets() {
      return value.child("pullSecrets");
    }

    public ChartValue debug() {
      return value.child("debug");
    }
  }

  /**
   * {@code worker.config}: what the worker process is told.
   *
   * @param value this part of the values, with its pointer
   */
  public record WorkerConfig(ChartValue value) {
    public ChartValue workPool() {
      return value.child("workPool");
    }

    public ChartValue workQueues() {
      return value.child("workQueues");
    }

    public ChartValue queryInterval() {
      return value.child("queryInterval");
    }

    public ChartValue prefetchSeconds() {
      return value.child("prefetchSeconds");
    }

    public ChartValue http2() {
      return value.child("http2");
    }

    public ChartValue type() {
      return value.child("type");
    }

    public ChartValue installPolicy() {
      return value.child("installPolicy");
    }

    public ChartValue name() {
      return value.child("name");
    }

    public ChartValue limit() {
      return value.child("limit");
    }

    public ChartValue jobNamespace() {
      return value.child("jobNamespace");
    }

    public ChartValue observerClusterWide() {
      return value.child("observerClusterWide");
    }

    public BaseJobTemplate baseJobTemplate() {
      return new BaseJobTemplate(value.child("baseJobTemplate"));
    }
  }

  /**
   * {@code worker.config.baseJobTemplate}.
   *
   * @param value this part of the values, with its pointer
   */
  public record BaseJobTemplate(ChartValue value) {
    /** The template itself (JSON text or a map) that the chart puts in its ConfigMap. */
    public ChartValue configuration() {
      return value.child("configuration");
    }

    public ChartValue existingConfigMapName() {
      return value.child("existingConfigMapName");
    }

    public ChartValue name() {
      return value.child("name");
    }
  }

  /**
   * {@code worker.livenessProbe}.
   *
   * @param value this part of the values, with its pointer
   */
  public record LivenessProbe(ChartValue value) {
    public ChartValue enabled() {
      return value.child("enabled");
    }

    public ChartValue config() {
      return value.child("config");
    }
  }

  /**
   * What the two Prefect Cloud modes share ({@code worker.cloudApiConfig} and {@code
   * worker.customerManagedCloudApiConfig}): the account, the workspace and the API key.
   */
  public sealed interface CloudSettings permits CloudApiConfig, CustomerManagedCloudApiConfig {
    /** The mode's block itself. */
    ChartValue value();

    default ChartValue accountId() {
      return value().child("accountId");
    }

    default ChartValue workspaceId() {
      return value().child("workspaceId");
    }

    default ApiKeySecret apiKeySecret() {
      return new ApiKeySecret(value().child("apiKeySecret"));
    }

    default ChartValue jobApiKeyPropagation() {
      return value().child("jobApiKeyPropagation");
    }
  }

  /**
   * {@code worker.cloudApiConfig}: Prefect Cloud.
   *
   * @param value this part of the values, with its pointer
   */
  public record CloudApiConfig(ChartValue value) implements CloudSettings {
    public ChartValue cloudUrl() {
      return value.child("cloudUrl");
    }
  }

  /**
   * {@code worker.customerManagedCloudApiConfig}: a customer-managed Prefect Cloud.
   *
   * @param value this part of the values, with its pointer
   */
  public record CustomerManagedCloudApiConfig(ChartValue value) implements CloudSettings {
    public ChartValue apiUrl() {
      return value.child("apiUrl");
    }

    public ChartValue cloudApiUrl() {
      return value.child("cloudApiUrl");
    }

    public ChartValue cloudUiUrl() {
      return value.child("cloudUiUrl");
    }
  }

  /**
   * {@code worker.selfHostedServerApiConfig}: a Prefect server.
   *
   * @param value this part of the values, with its pointer
   */
  public record SelfHostedServerApiConfig(ChartValue value) {
    public ChartValue apiUrl() {
      return value.child("apiUrl");
    }

    /** Written in this block, but the chart honours it in every mode. */
    public BasicAuth basicAuth() {
      return new BasicAuth(value.child("basicAuth"));
    }
  }

  /**
   * {@code apiKeySecret} of a cloud mode: the Secret holding the Prefect API key.
   *
   * @param value this part of the values, with its pointer
   */
  public record ApiKeySecret(ChartValue value) {
    public ChartValue name() {
      return value.child("name");
    }

    public ChartValue key() {
      return value.child("key");
    }
  }

  /**
   * {@code worker.selfHostedServerApiConfig.basicAuth}.
   *
   * @param value this part of the values, with its pointer
   */
  public record BasicAuth(ChartValue value) {
    public ChartValue enabled() {
      return value.child("enabled");
    }

    public ChartValue authString() {
      return value.child("authString");
    }

    public ChartValue existingSecret() {
      return value.child("existingSecret");
    }
  }
}
