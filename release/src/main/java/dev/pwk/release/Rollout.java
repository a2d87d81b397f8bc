package dev.pwk.release;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * How far a Deployment's rollout has got. It is done, as {@code kubectl rollout status} says, when
 * the controller has seen the current spec, every desired replica is updated and available, and no
 * pod of an older template is left: until then an old pod that still serves would count as
 * available while the new one is not ready.
 *
 * @param desired {@code spec.replicas} (1 when unset); with an HPA this is what the HPA set
 * @param updated {@code status.updatedReplicas}
 * @param total {@code status.replicas}, old and new pods together (taken as {@code updated} when
 *     the status leaves it out)
 * @param available {@code status.availableReplicas}
 * @param observed whether {@code status.observedGeneration >= metadata.generation}
 * @param stalled whether the controller reports {@code ProgressDeadlineExceeded}
 */
record Rollout(
    int desired, int updated, int total, int available, boolean observed, boolean stalled) {

  /**
   * The rollout of a Deployment read as a generic resource. Only its generation, {@code
   * spec.replicas} and status are bound to the model: binding the whole Deployment made Jackson
   * build deserializers for the pod template's ~300 model classes, a quarter of a {@code pwk
   * status}.
   */
  static Rollout of(GenericKubernetesResource d, KubernetesSerialization serialization) {
    Deployment shell = new Deployment();
    shell.setMetadata(d.getMetadata());
    DeploymentSpec spec = new DeploymentSpec();
    if (d.get("spec", "replicas") instanceof Number replicas) {
      spec.setReplicas(replicas.intValue());
    }
    shell.setSpec(spec);
    Object status = d.get("status");
    shell.setStatus(
        status == null ? null : serialization.convertValue(status, DeploymentStatus.class));
    return of(shell);
  }

  static Rollout of(Deployment d) {
    int desired =
        d.getSpec() != null && d.getSpec().getReplicas() != null ? d.getSpec().getReplicas() : 1;
    DeploymentStatus s = d.getStatus();
    if (s == null) {
      return new Rollout(desired, 0, 0, 0, false, false);
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
    int updated = s.getUpdatedReplicas() == null ? 0 : s.getUpdatedReplicas();
    return new Rollout(
        desired,
        updated,
        s.getReplicas() == null ? updated : s.getReplicas(),
        s.getAvailableReplicas() == null ? 0 : s.getAvailableReplicas(),
        seen >= generation,
        stalled);
  }

  boolean done() {
    return observed && updated == desired && total == updated && available == desired;
  }

  /**
   * E.g. {@code 2/3 replicas ready}, {@code 3/3 replicas ready, 1/3 updated} while old pods still
   * serve, or {@code 1/1 replicas ready, 1 old replica terminating}.
   */
  String summary() {
    String text = available + "/" + desired + " replicas ready";
    if (updated != available) {
      text += ", " + updated + "/" + desired + " updated";
    }
    if (total > updated) {
      int old = total - updated;
      text += ", " + old + (old == 1 ? " old replica" : " old replicas") + " terminating";
    }
    return observed ? text : text + " (waiting for the controller)";
  }
}
