package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pwk.kube.FieldChecks;
import dev.pwk.kube.KubeSyntax;
import dev.pwk.kube.StrictReader;
import dev.pwk.kube.Value;
import dev.pwk.values.Finding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks rendered objects offline, as {@code kubeconform} or the API server's validation would, but
 * without a network or a cluster's OpenAPI document. It finds what rendering lets through: fields
 * Kubernetes does not have (typos in {@code extraContainers} or a {@code securityContext}), missing
 * required fields, invalid names, labels and quantities, a Deployment selector that does not select
 * its own pods, mounts of undeclared volumes, and a RoleBinding that refers to a Role or
 * ServiceAccount this rendering does not create. The worker's pod is checked by pwk-kube's {@code
 * PodRules}, which the validator applies to a base job template's Job pod too.
 *
 * <p>Each {@link Finding} names the object's template as its file ({@code
 * prefect-worker/templates/deployment.yaml}), gives the line and column of the field in {@link
 * Rendering#toYaml()} (-1 when the field is absent there, such as a missing required field with no
 * parent written), and the field's JSON pointer inside the object as its path. Rule ids:
 *
 * <ul>
 *   <li>{@code manifest.unknown-field}: a field the object's Kubernetes type does not have;
 *   <li>{@code manifest.required-field}: a field the API server requires is absent or empty;
 *   <li>{@code manifest.invalid-name}: an object, container, volume, port or referenced name that
 *       does not follow its Kubernetes syntax (DNS label, DNS subdomain, IANA service name);
 *   <li>{@code manifest.invalid-label}, {@code manifest.invalid-annotation}: bad label keys or
 *       values (also in selectors, node selectors and tolerations), bad annotation keys or size;
 *   <li>{@code manifest.invalid-env-name}: an env var name or {@code envFrom} prefix Kubernetes
 *       rejects; {@code manifest.duplicate-env} (warning): a name set twice in one container;
 *   <li>{@code manifest.invalid-value}: an enum, range or combination the API server rejects;
 *   <li>{@code manifest.invalid-quantity}: a resource quantity that does not parse, or a negative
 *       one;
 *   <li>{@code manifest.duplicate-name}: two containers, volumes or ports with one name;
 *   <li>{@code manifest.volume-mount}: a mount of an undeclared volume, or two on one path;
 *   <li>{@code manifest.selector-mismatch}: the Deployment selector does not match its template;
 *   <li>{@code manifest.rolebinding-role}, {@code manifest.rolebinding-subject}: an error when the
 *       binding refers to a Role or ServiceAccount other than the rendered one, a warning when none
 *       is rendered (it must then exist in the cluster) or the worker's account is not bound;
 *   <li>{@code manifest.scale-target}: the HPA does not scale the rendered Deployment;
 *   <li>{@code manifest.pdb-selector}, {@code manifest.pdb-budget} (warnings): the budget selects
 *       no worker pod, or sets neither {@code minAvailable} nor {@code maxUnavailable}.
 * </ul>
 *
 * <p>Cross-object rules look at the objects of the given rendering only: validate the whole
 * rendering, not a {@link Rendering#select selection} of it. Thread-safe; create one and reuse it.
 */
public final class ManifestValidator {
  static final String UNKNOWN_FIELD = "manifest.unknown-field";

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final long MAX_CONFIG_MAP_BYTES = 1024 * 1024;

  private ManifestValidator() {}

  /** A validator; cheap to create, and safe to share between threads. */
  public static ManifestValidator create() {
    return new ManifestValidator();
  }

  /**
   * Validates every object of a rendering.
   *
   * @return the findings in document order, then by line; empty when Kubernetes would accept all
   *     the objects
   */
  public List<Finding> validate(Rendering rendering) {
    Objects.requireNonNull(rendering, "rendering");
    List<ManifestDocument> docs = new ArrayList<>();
    for (RenderedObject o : rendering.objects()) {
      docs.add(new ManifestDocument(docs.size(), o, JSON.valueToTree(o.object())));
    }
    Optional<ManifestDocument> deployment = first(docs, "Deployment");
    ManifestReport out = new ManifestReport();
    for (ManifestDocument doc : docs) {
      modelFields(doc, out);
      FieldChecks c = new FieldChecks(out.sink(doc), Messages::pattern);
      String kind = doc.kind();
      boolean rbac = kind.equals("Role") || kind.equals("RoleBinding");
      // Role names need only be URL path segments; every other kind here is a DNS subdomain.
      c.metadata(
          doc.root().child("metadata"), rbac ? KubeSyntax.PATH_SEGMENT : KubeSyntax.DNS_SUBDOMAIN);
      switch (kind) {
        case "Deployment" -> PodChecks.deployment(c, doc);
        case "ConfigMap" -> configMap(c, doc);
        case "Role" -> RbacChecks.role(c, doc);
        case "RoleBinding" ->
            RbacChecks.binding(
                c, doc, first(docs, "Role"), first(docs, "ServiceAccount"), deployment);
        case "HorizontalPodAutoscaler" -> ScalingChecks.hpa(c, doc, deployment);
        case "PodDisruptionBudget" -> ScalingChecks.pdb(c, doc, deployment);
        default -> {
          // ServiceAccount: metadata only.
        }
      }
    }
    return out.findings(rendering);
  }

  /** Data keys, and the 1 MiB the API server allows for a ConfigMap's data. */
  private static void configMap(FieldChecks c, ManifestDocument doc) {
    Value data = doc.root().child("data");
    long bytes = 0;
    for (Map.Entry<String, JsonNode> e : data.node().properties()) {
      if (!KubeSyntax.CONFIG_KEY.accepts(e.getKey())) {
        c.error(
            data.child(e.getKey()),
            FieldChecks.INVALID_NAME,
            FieldChecks.INVALID_NAME + ".key",
            e.getKey(),
            KubeSyntax.CONFIG_KEY.describe());
      }
      bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      bytes += e.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_CONFIG_MAP_BYTES) {
      c.error(
          data,
          FieldChecks.INVALID_VALUE,
          FieldChecks.INVALID_VALUE + ".config-map-size",
          String.valueOf(bytes),
          String.valueOf(MAX_CONFIG_MAP_BYTES));
    }
  }

  /**
   * Reads the object back into its fabric8 class as a strict API server decodes it ({@link
   * StrictReader}): a value of the wrong type, and every field the Kubernetes schema lacks.
   */
  private static void modelFields(ManifestDocument doc, ManifestReport out) {
    Class<?> type = doc.rendered().object().getClass();
    StrictReader.Result<?> read = StrictReader.read(doc.tree(), type, 1);
    for (StrictReader.WrongType w : read.wrongTypes()) {
      out.error(
          doc,
          new Value(w.pointer(), null),
          FieldChecks.INVALID_VALUE,
          FieldChecks.INVALID_VALUE + ".type",
          type.getSimpleName());
    }
    for (StrictReader.UnknownField u : read.unknownFields()) {
      Value at = new Value(u.pointer(), null);
      if (u.suggestion().isEmpty()) {
        out.error(doc, at, UNKNOWN_FIELD, UNKNOWN_FIELD, u.type());
      } else {
        out.error(
            doc, at, UNKNOWN_FIELD, UNKNOWN_FIELD + ".suggest", u.type(), u.suggestion().get());
      }
    }
  }

  private static Optional<ManifestDocument> first(List<ManifestDocument> docs, String kind) {
    return docs.stream().filter(d -> d.kind().equals(kind)).findFirst();
  }
}
