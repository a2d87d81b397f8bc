package dev.pwk.release;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Polls Deployments until they are rolled out, reporting progress, and explains a timeout with what
 * the pods and events say.
 */
final class RolloutWaiter {
  static final Duration POLL = Duration.ofSeconds(2);
  private static final int MAX_REASONS = 6;
  private static final int MAX_EVENTS = 3;
  private static final Set<String> NORMAL_WAITING = Set.of("ContainerCreating", "PodInitializing");

  private final KubernetesClient client;
  private final ReleaseListener listener;
  private final Clock clock;
  private final Sleeper sleeper;

  RolloutWaiter(KubernetesClient client, ReleaseListener listener, Clock clock, Sleeper sleeper) {
    this.client = client;
    this.listener = listener;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits for every Deployment in {@code deployments}, all within one {@code timeout}. */
  void await(List<ObjectRef> deployments, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    for (ObjectRef ref : deployments) {
      awaitOne(ref, deadline, timeout);
    }
  }

  private void awaitOne(ObjectRef ref, Instant deadline, Duration timeout) {
    String last = null;
    while (true) {
      Deployment d =
          client.apps().deployments().inNamespace(ref.namespace()).withName(ref.name()).get();
      Rollout rollout = d == null ? null : Rollout.of(d);
      String line = ref + ": " + (rollout == null ? "not found" : rollout.summary());
      if (!line.equals(last)) {
        listener.progress(line);
        last = line;
      }
      if (rollout != null && rollout.done()) {
        return;
      }
      if (rollout != null && rollout.stalled()) {
        throw failure(ref, d, "its progress deadline was exceeded", rollout);
      }
      Instant now = clock.instant();
      if (!now.isBefore(deadline)) {
        throw failure(ref, d, "timed out after " + human(timeout), rollout);
      }
      Duration left = Duration.between(now, deadline);
      try {
        sleeper.sleep(left.compareTo(POLL) < 0 ? left : POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReleaseException(
            ReleaseException.Kind.ROLLOUT_FAILED, "interrupted while waiting for " + ref);
      }
    }
  }

  private ReleaseException failure(ObjectRef ref, Deployment d, String what, Rollout rollout) {
    String state = rollout == null ? "not found" : rollout.summary();
    List<String> reasons = d == null ? List.of() : reasons(ref, d);
    String why = reasons.isEmpty() ? "no pod or event explains it yet" : String.join("; ", reasons);
    return new ReleaseException(
        ReleaseException.Kind.ROLLOUT_FAILED,
        ref + " did not roll out: " + what + ", " + state + ": " + why);
  }

  /** What pods and Warning events say about a stuck Deployment, most useful first. */
  private List<String> reasons(ObjectRef ref, Deployment d) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, String> selector =
        d.getSpec() == null || d.getSpec().getSelector() == null
            ? null
            : d.getSpec().getSelector().getMatchLabels();
    List<Pod> pods =
        selector == null || selector.isEmpty()
            ? List.of()
            : client.pods().inNamespace(ref.namespace()).withLabels(selector).list().getItems();
    for (Pod pod : pods) {
      String name = pod.getMetadata().getName();
      if (pod.getStatus() == null) {
        continue;
      }
      Stream.concat(
              nullSafe(pod.getStatus().getInitContainerStatuses()).stream(),
              nullSafe(pod.getStatus().getContainerStatuses()).stream())
          .forEach(c -> containerReason(name, c, out));
      for (PodCondition c : nullSafe(pod.getStatus().getConditions())) {
        if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
          out.add(
              "pod " + name + " cannot be scheduled: " + oneLine(c.getMessage(), c.getReason()));
        }
      }
    }
    Set<String> podNames = new LinkedHashSet<>();
    pods.forEach(p -> podNames.add(p.getMetadata().getName()));
    client.v1().events().inNamespace(ref.namespace()).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()) && e.getInvolvedObject() != null)
        .filter(e -> concerns(e, ref.name(), podNames))
        .sorted(Comparator.comparing(RolloutWaiter::when).reversed())
        .limit(MAX_EVENTS)
        .forEach(
            e ->
                out.add(
                    "event on "
                        + e.getInvolvedObject().getKind()
                        + " "
                        + e.getInvolvedObject().getName()
                        + ": "
                        + e.getReason()
                        + ": "
                        + oneLine(e.getMessage(), "")));
    return out.stream().limit(MAX_REASONS).toList();
  }

  private static void containerReason(String pod, ContainerStatus c, Set<String> out) {
    if (c.getState() == null) {
      return;
    }
    if (c.getState().getWaiting() != null
        && c.getState().getWaiting().getReason() != null
        && !NORMAL_WAITING.contains(c.getState().getWaiting().getReason())) {
      String message = c.getState().getWaiting().getMessage();
      out.add(
          "pod "
              + pod
              + " container "
              + c.getName()
              + ": "
              + c.getState().getWaiting().getReason()
              + (message == null || message.isBlank() ? "" : " (" + oneLine(message, "") + ")"));
    } else if (c.getState().getTerminated() != null
        && c.getState().getTerminated().getExitCode() != null
        && c.getState().getTerminated().getExitCode() != 0) {
      out.add(
          "pod "
              + pod
              + " container "
              + c.getName()
              + " exited with code "
              + c.getState().getTerminated().getExitCode()
              + " ("
              + oneLine(c.getState().getTerminated().getReason(), "Error")
              + ")");
    }
  }

  /** Events of the Deployment, of its ReplicaSets ({@code <name>-<hash>}) and of its pods. */
  private static boolean concerns(Event e, String deployment, Set<String> pods) {
    String name = e.getInvolvedObject().getName();
    return name != null
        && (name.equals(deployment) || name.startsWith(deployment + "-") || pods.contains(name));
  }

  private static String when(Event e) {
    if (e.getLastTimestamp() != null) {
      return e.getLastTimestamp();
    }
    if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
      return e.getEventTime().getTime();
    }
    String created = e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp();
    return created == null ? "" : created;
  }

  private static String oneLine(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text.replaceAll("\\s+", " ").trim();
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? new ArrayList<>() : list;
  }

  /**
   * Go's style, as {@code --timeout} is written: {@code 5m0s}, {@code 90s} becomes {@code 1m30s}.
   */
  static String human(Duration d) {
    long seconds = d.toSeconds();
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      return hours + "h" + minutes + "m" + rest + "s";
    }
    return minutes > 0 ? minutes + "m" + rest + "s" : rest + "s";
  }
}
