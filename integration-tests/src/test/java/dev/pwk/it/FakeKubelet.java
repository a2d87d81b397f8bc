package dev.pwk.it;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Plays the kubelet on a cluster that has none (the local 1.20 control plane): registers a Ready
 * {@code Node} object for the scheduler to bind pods to, and for the pods of the namespaces it
 * serves, once bound to a node, writes the status a kubelet would: Running and Ready; {@code
 * ErrImagePull} for an image from a {@code .invalid} registry (a name that never resolves, RFC
 * 2606); {@code CreateContainerConfigError} while a Secret or ConfigMap the containers need is
 * missing. It completes the deletion of terminating pods. Nothing runs; no pod IP is written.
 *
 * <p>It acts on the pods of the namespaces it was told to serve, whichever node without a kubelet
 * the scheduler picked: another run's node object may be there too.
 */
final class FakeKubelet implements AutoCloseable {
  /** Marks the node objects written by these tests; they never count as having a kubelet. */
  static final String FAKE_NODE_LABEL = "pwk.dev/fake-node";

  /** Registry host suffix of images this kubelet cannot pull. */
  static final String UNPULLABLE_REGISTRY_SUFFIX = ".invalid";

  private static final Duration RESYNC = Duration.ofSeconds(3);

  private final KubernetesClient client;
  private final String nodeName;
  private final Set<String> served = ConcurrentHashMap.newKeySet();
  private SharedIndexInformer<Pod> informer;

  private FakeKubelet(KubernetesClient client, String nodeName) {
    this.client = client;
    this.nodeName = nodeName;
  }

  static FakeKubelet start(KubernetesClient client, String nodeName) {
    FakeKubelet kubelet = new FakeKubelet(client, nodeName);
    kubelet.registerNode();
    // The resync re-checks waiting pods, as a kubelet retries: a missing Secret may appear.
    kubelet.informer =
        client.pods().inAnyNamespace().inform(kubelet.new Handler(), RESYNC.toMillis());
    return kubelet;
  }

  static boolean isFake(Node node) {
    Map<String, String> labels = node.getMetadata().getLabels();
    return labels != null && labels.containsKey(FAKE_NODE_LABEL);
  }

  static boolean isReady(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  String nodeName() {
    return nodeName;
  }

  /** Runs the pods of {@code namespace} from now on. */
  void serve(String namespace) {
    served.add(namespace);
  }

  private void registerNode() {
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(nodeName)
                .addToLabels(FAKE_NODE_LABEL, "true")
                .addToLabels("kubernetes.io/hostname", nodeName)
                .addToLabels("kubernetes.io/os", "linux")
                .addToLabels("kubernetes.io/arch", "amd64")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build())
        .create();
    // The TaintNodesByCondition admission plugin taints a new node not-ready; the node lifecycle
    // controller would lift it once the kubelet reports Ready, and that controller is off here.
    client
        .nodes()
        .withName(nodeName)
        .edit(
            n -> {
              List<Taint> taints = n.getSpec().getTaints();
              if (taints != null) {
                n.getSpec()
                    .setTaints(
                        taints.stream()
                            .filter(t -> !t.getKey().startsWith("node.kubernetes.io/"))
                            .toList());
              }
              return n;
            });
    String now = now();
    Map<String, Quantity> capacity =
        Map.of(
            "cpu",
            new Quantity("32"),
            "memory",
            new Quantity("256Gi"),
            "pods",
            new Quantity("110"));
    Node node = client.nodes().withName(nodeName).get();
    node.setStatus(
        new NodeStatusBuilder()
            .withCapacity(capacity)
            .withAllocatable(capacity)
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .withReason("KubeletReady")
            .withMessage("fake kubelet of the pwk integration tests")
            .withLastHeartbeatTime(now)
            .withLastTransitionTime(now)
            .endCondition()
            .withNewNodeInfo()
            .withKubeletVersion("v0.0.0-pwk-fake")
            .withArchitecture("amd64")
            .withOperatingSystem("linux")
            .withMachineID("")
            .withSystemUUID("")
            .withBootID("")
            .withKernelVersion("")
            .withOsImage("")
            .withContainerRuntimeVersion("")
            .withKubeProxyVersion("")
            .endNodeInfo()
            .build());
    client.nodes().resource(node).updateStatus();
  }

  private final class Handler implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      handle(pod);
    }

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
      handle(newPod);
    }

    @Override
    public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {}
  }

  private void handle(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    String bound = pod.getSpec().getNodeName();
    if (!served.contains(ns) || bound == null || bound.isEmpty()) {
      return;
    }
    try {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        // A kubelet confirms the deletion once the containers have stopped.
        client
            .pods()
            .inNamespace(ns)
            .withName(pod.getMetadata().getName())
            .withGracePeriod(0)
            .delete();
        return;
      }
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
        return;
      }
      if (runningAndReady(pod)) {
        return;
      }
      if (allContainers(pod).anyMatch(c -> unpullable(c.getImage()))) {
        if (!waitingWith(pod, "ErrImagePull")) {
          writeStatus(pod, notStarted(pod, "ErrImagePull", FakeKubelet::pullError));
        }
        return;
      }
      Optional<String> missing = missingReference(pod);
      if (missing.isPresent()) {
        if (!waitingWith(pod, "CreateContainerConfigError")) {
          writeStatus(pod, notStarted(pod, "CreateContainerConfigError", c -> missing.get()));
        }
        return;
      }
      writeStatus(pod, running(pod));
    } catch (KubernetesClientException e) {
      // 404: gone meanwhile; 409: changed meanwhile, and the informer brings the newer version.
      if (e.getCode() != 404 && e.getCode() != 409) {
        System.err.println(
            "fake kubelet: cannot update pod "
                + ns
                + "/"
                + pod.getMetadata().getName()
                + ": "
                + e.getMessage());
      }
    }
  }

  private void writeStatus(Pod pod, PodStatus status) {
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .resource(new PodBuilder(pod).withStatus(status).build())
        .updateStatus();
  }

  private static Stream<Container> allContainers(Pod pod) {
    return Stream.concat(
        pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream());
  }

  private static String pullError(Container c) {
    return unpullable(c.getImage())
        ? "Failed to pull image \"" + c.getImage() + "\": registry host does not resolve"
        : null;
  }

  /** True when the image names a registry host under {@code .invalid}. */
  static boolean unpullable(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String host = image.substring(0, slash).replaceFirst(":\\d+$", "");
    return host.endsWith(UNPULLABLE_REGISTRY_SUFFIX);
  }

  private static boolean runningAndReady(Pod pod) {
    PodStatus s = pod.getStatus();
    return s != null
        && "Running".equals(s.getPhase())
        && s.getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean waitingWith(Pod pod, String reason) {
    PodStatus s = pod.getStatus();
    return s != null
        && Stream.concat(s.getInitContainerStatuses().stream(), s.getContainerStatuses().stream())
            .anyMatch(
                c ->
                    c.getState() != null
                        && c.getState().getWaiting() != null
                        && reason.equals(c.getState().getWaiting().getReason()));
  }

  private static PodStatus running(Pod pod) {
    String now = now();
    List<ContainerStatus> init =
        pod.getSpec().getInitContainers().stream()
            .map(
                c ->
                    status(c)
                        .withReady(true)
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(0)
                        .withReason("Completed")
                        .withStartedAt(now)
                        .withFinishedAt(now)
                        .endTerminated()
                        .endState()
                        .build())
            .toList();
    List<ContainerStatus> main =
        pod.getSpec().getContainers().stream()
            .map(
                c ->
                    status(c)
                        .withReady(true)
                        .withStarted(true)
                        .withNewState()
                        .withNewRunning(now)
                        .endState()
                        .build())
            .toList();
    return new PodStatusBuilder(pod.getStatus())
        .withPhase("Running")
        .withStartTime(now)
        .withConditions(
            condition("Initialized", "True", now, null),
            condition("Ready", "True", now, null),
            condition("ContainersReady", "True", now, null),
            condition("PodScheduled", "True", now, null))
        .withInitContainerStatuses(init)
        .withContainerStatuses(main)
        .build();
  }

  /**
   * A pod whose containers cannot start: those for which {@code problem} gives a message wait with
   * {@code reason}; the others wait for them.
   */
  private static PodStatus notStarted(Pod pod, String reason, Function<Container, String> problem) {
    String now = now();
    boolean hasInit = !pod.getSpec().getInitContainers().isEmpty();
    Function<Container, ContainerStatus> waiting =
        c -> {
          String message = problem.apply(c);
          return status(c)
              .withNewState()
              .withNewWaiting(
                  message,
                  message == null ? (hasInit ? "PodInitializing" : "ContainerCreating") : reason)
              .endState()
              .build();
        };
    return new PodStatusBuilder(pod.getStatus())
        .withPhase("Pending")
        .withStartTime(now)
        .withConditions(
            condition("Initialized", hasInit ? "False" : "True", now, "ContainersNotInitialized"),
            condition("Ready", "False", now, "ContainersNotReady"),
            condition("ContainersReady", "False", now, "ContainersNotReady"),
            condition("PodScheduled", "True", now, null))
        .withInitContainerStatuses(pod.getSpec().getInitContainers().stream().map(waiting).toList())
        .withContainerStatuses(pod.getSpec().getContainers().stream().map(waiting).toList())
        .build();
  }

  /**
   * What keeps a kubelet from starting the pod's containers: a Secret or ConfigMap (or a key of
   * one) that an env var, envFrom or volume needs and that does not exist.
   */
  private Optional<String> missingReference(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    List<String> problems = new ArrayList<>();
    allContainers(pod)
        .forEach(
            c -> {
              for (EnvVar env : c.getEnv()) {
                EnvVarSource from = env.getValueFrom();
                if (from == null) {
                  continue;
                }
                SecretKeySelector s = from.getSecretKeyRef();
                if (s != null && !Boolean.TRUE.equals(s.getOptional())) {
                  Secret secret = client.secrets().inNamespace(ns).withName(s.getName()).get();
                  if (secret == null) {
                    problems.add("secret \"" + s.getName() + "\" not found");
                  } else if (!hasKey(secret.getData(), s.getKey())
                      && !hasKey(secret.getStringData(), s.getKey())) {
                    problems.add(
                        "couldn't find key " + s.getKey() + " in Secret " + ns + "/" + s.getName());
                  }
                }
                ConfigMapKeySelector m = from.getConfigMapKeyRef();
                if (m != null && !Boolean.TRUE.equals(m.getOptional())) {
                  ConfigMap map = client.configMaps().inNamespace(ns).withName(m.getName()).get();
                  if (map == null) {
                    problems.add("configmap \"" + m.getName() + "\" not found");
                  } else if (!hasKey(map.getData(), m.getKey())) {
                    problems.add(
                        "couldn't find key "
                            + m.getKey()
                            + " in ConfigMap "
                            + ns
                            + "/"
                            + m.getName());
                  }
                }
              }
              for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getSecretRef() != null
                    && !Boolean.TRUE.equals(from.getSecretRef().getOptional())
                    && client
                            .secrets()
                            .inNamespace(ns)
                            .withName(from.getSecretRef().getName())
                            .get()
                        == null) {
                  problems.add("secret \"" + from.getSecretRef().getName() + "\" not found");
                }
                if (from.getConfigMapRef() != null
                    && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())
                    && client
                            .configMaps()
                            .inNamespace(ns)
                            .withName(from.getConfigMapRef().getName())
                            .get()
                        == null) {
                  problems.add("configmap \"" + from.getConfigMapRef().getName() + "\" not found");
                }
              }
            });
    for (Volume v : pod.getSpec().getVolumes()) {
      if (v.getSecret() != null
          && !Boolean.TRUE.equals(v.getSecret().getOptional())
          && client.secrets().inNamespace(ns).withName(v.getSecret().getSecretName()).get()
              == null) {
        problems.add(
            "volume "
                + v.getName()
                + ": secret \""
                + v.getSecret().getSecretName()
                + "\" not found");
      }
      if (v.getConfigMap() != null
          && !Boolean.TRUE.equals(v.getConfigMap().getOptional())
          && client.configMaps().inNamespace(ns).withName(v.getConfigMap().getName()).get()
              == null) {
        problems.add(
            "volume "
                + v.getName()
                + ": configmap \""
                + v.getConfigMap().getName()
                + "\" not found");
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private static boolean hasKey(Map<String, String> data, String key) {
    return data != null && data.containsKey(key);
  }

  private static ContainerStatusBuilder status(Container c) {
    return new ContainerStatusBuilder()
        .withName(c.getName())
        .withImage(c.getImage())
        .withImageID("")
        .withReady(false)
        .withRestartCount(0);
  }

  private static PodCondition condition(String type, String status, String now, String reason) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withLastTransitionTime(now)
        .withReason("True".equals(status) ? null : reason)
        .build();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Stops acting and removes the node object. */
  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    try {
      client.nodes().withName(nodeName).delete();
    } catch (KubernetesClientException e) {
      System.err.println("fake kubelet: cannot delete node " + nodeName + ": " + e.getMessage());
    }
  }
}
