package dev.pwk.cli.release;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/**
 * How far a Deployment's rollout has got. It is done when the controller has seen the current spec
 * and every desired replica is updated and available.
 *
 * @param desired {@code spec.replicas} (1 when unset); with an HPA this is what the HPA set
 * @param updated {@code status.updatedReplicas}
 * @param available {@code status.availableReplicas}
 * @param observed whether {@code status.observedGeneration >= metadata.generation}
 * @param stalled whether the controller reports {@code ProgressDeadlineExceeded}
 */
record Rollout(int desired, int updated, int available, boolean observed, boolean stalled) {

  static Rollout of(Deployment d) {
    int desired =
        d.getSpec() != null && d.getSpec().getReplicas() != null ? d.getSpec().getReplicas() : 1;
    DeploymentStatus s = d.getStatus();
    if (s == null) {
      return new Rollout(desired, 0, 0, false, false);
    }
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    long seen = s.getObservedGeneration() == null ? -1 : s.getObservedGeneration();
    boolean stalled =
        s.getConditions() != null
            && s.getConditions().stream()
                .anyMatch(
                    (DeploymentCondition c) ->
                        "Progressing".equals(c.getType())
                            && "False".equals(c.getStatus())
                            && "ProgressDeadlineExceeded".equals(c.getReason()));
    return new Rollout(
        desired,
        s.getUpdatedReplicas() == null ? 0 : s.getUpdatedReplicas(),
        s.getAvailableReplicas() == null ? 0 : s.getAvailableReplicas(),
        seen >= generation,
        stalled);
  }

  boolean done() {
    return observed && updated == desired && available == desired;
  }

  /**
   * E.g. {@code 2/3 replicas ready}, or {@code 3/3 replicas ready, 1/3 updated} while old pods
   * still serve.
   */
  String summary() {
    String text = available + "/" + desired + " replicas ready";
    if (updated != available) {
      text += ", " + updated + "/" + desired + " updated";
    }
    return observed ? text : text + " (waiting for the controller)";
  }
}
