package dev.pwk.release;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PartialObjectMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies, reads and deletes the objects of a release, and tells whose they are. Every object pwk
 * applies carries the annotation {@value #OWNER_ANNOTATION}{@code : <namespace>/<release>}.
 */
final class ClusterObjects {
  static final String OWNER_ANNOTATION = "pwk.dev/release";
  static final String FIELD_MANAGER = "pwk";
  static final String HELM_RELEASE_NAME = "meta.helm.sh/release-name";
  static final String HELM_RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";

  private final KubernetesClient client;
  private final KubernetesSerialization serialization;

  ClusterObjects(KubernetesClient client) {
    this.client = client;
    this.serialization = client.getKubernetesSerialization();
  }

  static String owner(String release, String namespace) {
    return namespace + "/" + release;
  }

  static boolean ownedBy(ObjectMeta meta, String owner) {
    return meta.getAnnotations() != null
        && owner.equals(meta.getAnnotations().get(OWNER_ANNOTATION));
  }

  /**
   * A copy of a rendered object, ready to apply: in {@code namespace} unless it names its own,
   * annotated with its owner, and with repeated env vars reduced to the last (see {@link
   * DuplicateEnv}).
   */
  HasMetadata prepare(HasMetadata rendered, String namespace, String owner) {
    HasMetadata copy = serialization.clone(rendered);
    ObjectMeta meta = copy.getMetadata();
    if (meta.getNamespace() == null || meta.getNamespace().isEmpty()) {
      meta.setNamespace(namespace);
    }
    Map<String, String> annotations =
        meta.getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(meta.getAnnotations());
    annotations.put(OWNER_ANNOTATION, owner);
    meta.setAnnotations(annotations);
    DuplicateEnv.keepLast(copy);
    return copy;
  }

  /** Server-side apply under the field manager {@value #FIELD_MANAGER}, taking over conflicts. */
  HasMetadata apply(HasMetadata object, boolean dryRun) {
    if (dryRun) {
      return client
          .resource(object)
          .dryRun()
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    }
    return client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  /** The live object's metadata only (never its data), or null when it does not exist. */
  PartialObjectMetadata metadata(ObjectRef ref) {
    return client.resource(stub(ref)).getAsPartialObjectMetadata();
  }

  /** The whole live object, or null when it does not exist. */
  HasMetadata get(ObjectRef ref) {
    return client.resource(stub(ref)).get();
  }

  /** What {@link #deleteIfOwned} did. */
  enum Deletion {
    DELETED,
    MISSING,
    /** The object carries another owner's annotation, or none, and was left alone. */
    KEPT
  }

  /** Deletes the object if it exists and still carries {@code owner}'s annotation. */
  Deletion deleteIfOwned(ObjectRef ref, String owner) {
    PartialObjectMetadata meta = metadata(ref);
    if (meta == null) {
      return Deletion.MISSING;
    }
    if (!ownedBy(meta.getMetadata(), owner)) {
      return Deletion.KEPT;
    }
    client.resource(stub(ref)).delete();
    return Deletion.DELETED;
  }

  /** The release named by an object's ownership annotation, or null. */
  static String ownerOf(ObjectMeta meta) {
    return meta.getAnnotations() == null ? null : meta.getAnnotations().get(OWNER_ANNOTATION);
  }

  /**
   * The Helm release ({@code <namespace>/<name>}) named by an object's Helm ownership annotations,
   * or null when Helm does not own it. The label {@code app.kubernetes.io/managed-by: Helm} alone
   * says nothing: the chart's labels carry it, so objects pwk renders have it too.
   */
  static String helmReleaseOf(ObjectMeta meta) {
    Map<String, String> annotations = meta.getAnnotations();
    String name = annotations == null ? null : annotations.get(HELM_RELEASE_NAME);
    if (name == null || name.isEmpty()) {
      return null;
    }
    String namespace = annotations.get(HELM_RELEASE_NAMESPACE);
    return owner(name, namespace == null || namespace.isEmpty() ? meta.getNamespace() : namespace);
  }

  /** A typed object with only the identity of {@code ref}, for the client to find its endpoint. */
  /**
   * An object with only the identity of {@code ref}, for the client to address it. The kinds the
   * chart renders are made directly; fabric8 maps any other kind to its model class, which loads
   * and inspects every model class it has (some 600) at a command's start.
   */
  HasMetadata stub(ObjectRef ref) {
    HasMetadata stub = typedStub(ref.apiVersion() + "/" + ref.kind());
    if (stub == null) {
      Map<String, Object> meta = new HashMap<>();
      meta.put("name", ref.name());
      if (!ref.namespace().isEmpty()) {
        meta.put("namespace", ref.namespace());
      }
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("apiVersion", ref.apiVersion());
      object.put("kind", ref.kind());
      object.put("metadata", meta);
      return serialization.unmarshal(serialization.asJson(object));
    }
    ObjectMeta meta = new ObjectMeta();
    meta.setName(ref.name());
    if (!ref.namespace().isEmpty()) {
      meta.setNamespace(ref.namespace());
    }
    stub.setMetadata(meta);
    return stub;
  }

  // A switch rather than a map of constructor references: each reference is a call site linked at
  // start-up.
  private static HasMetadata typedStub(String apiVersionKind) {
    return switch (apiVersionKind) {
      case "v1/ServiceAccount" -> new ServiceAccount();
      case "v1/ConfigMap" -> new ConfigMap();
      case "v1/Secret" -> new Secret();
      case "rbac.authorization.k8s.io/v1/Role" -> new Role();
      case "rbac.authorization.k8s.io/v1/RoleBinding" -> new RoleBinding();
      case "apps/v1/Deployment" -> new Deployment();
      case "autoscaling/v2/HorizontalPodAutoscaler" -> new HorizontalPodAutoscaler();
      case "policy/v1/PodDisruptionBudget" -> new PodDisruptionBudget();
      default -> null;
    };
  }
}
