package dev.pwk.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pod spec as the API server validates it: its containers, env, resources, probes, mounts,
 * volumes, DNS settings and tolerations. One implementation for the worker's pod (the chart's
 * Deployment) and the pod of the Job a base job template describes. Most of what these rules catch
 * comes from free-form values ({@code extraContainers}, {@code extraVolumes}, {@code extraEnvVars},
 * {@code tolerations}, a template's {@code job_manifest}, …) that nothing else checks.
 */
public final class PodRules {
  /** Two containers, volumes or ports of one container with one name. */
  public static final String DUPLICATE_NAME = "manifest.duplicate-name";

  /** A mount of a volume the pod does not declare, or two mounts on one path. */
  public static final String VOLUME_MOUNT = "manifest.volume-mount";

  /** An env var name or {@code envFrom} prefix Kubernetes rejects. */
  public static final String INVALID_ENV_NAME = "manifest.invalid-env-name";

  /** A warning: one env var name set twice in a container, where the last value wins. */
  public static final String DUPLICATE_ENV = "manifest.duplicate-env";

  /** Whose pod it is: the restart policy and the container requirement depend on it. */
  public enum Owner {
    /** A Deployment's pod: restart policy {@code Always}, at least one container. */
    DEPLOYMENT,
    /**
     * A Job's pod, where the caller checks both: the allowed restart policies and whether a missing
     * container list is an error depend on who creates the Job.
     */
    JOB
  }

  private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
  private static final Set<String> DNS_POLICIES =
      Set.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
  private static final Set<String> TOLERATION_OPERATORS = Set.of("Equal", "Exists");
  private static final Set<String> TAINT_EFFECTS =
      Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final Set<String> STANDARD_RESOURCES =
      Set.of("cpu", "memory", "ephemeral-storage");
  private static final List<String> PROBES =
      List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> PROBE_HANDLERS =
      List.of("exec", "httpGet", "tcpSocket", "grpc");
  private static final int MAX_NAMESERVERS = 3;
  private static final int MAX_PORT = 65535;

  private PodRules() {}

  /** Checks a pod template's {@code metadata}: its label and annotation keys and values. */
  public static void templateMetadata(FieldChecks c, Value metadata) {
    c.labels(metadata.child("labels"));
    c.annotations(metadata.child("annotations"));
  }

  /**
   * Checks a pod spec.
   *
   * @param c where the findings go
   * @param pod the pod spec, with the pointer findings are given under
   * @param owner the kind of object whose pod template it is
   */
  public static void check(FieldChecks c, Value pod, Owner owner) {
    c.name(pod.child("serviceAccountName"), KubeSyntax.DNS_SUBDOMAIN);
    c.name(pod.child("priorityClassName"), KubeSyntax.DNS_SUBDOMAIN);
    if (owner == Owner.DEPLOYMENT) {
      c.oneOf(pod.child("restartPolicy"), Set.of("Always"));
    }
    c.oneOf(pod.child("dnsPolicy"), DNS_POLICIES);
    Value nameservers = pod.child("dnsConfig").child("nameservers");
    if (FieldChecks.text(pod.child("dnsPolicy")).equals("None")) {
      c.requiredNonEmpty(pod.child("dnsConfig"), "nameservers");
    }
    if (nameservers.node().size() > MAX_NAMESERVERS) {
      c.error(
          nameservers,
          FieldChecks.INVALID_VALUE,
          FieldChecks.INVALID_VALUE + ".max-items",
          String.valueOf(nameservers.node().size()),
          String.valueOf(MAX_NAMESERVERS));
    }
    c.labels(pod.child("nodeSelector"));
    for (Value secret : pod.child("imagePullSecrets").items()) {
      Value name = secret.child("name");
      if (FieldChecks.text(name).isEmpty()) {
        // The API server accepts a pull secret without a name; it only warns (empty name).
        c.warning(name, FieldChecks.REQUIRED, FieldChecks.REQUIRED);
      }
    }
    for (Value t : pod.child("tolerations").items()) {
      toleration(c, t);
    }
    Set<String> volumes = volumes(c, pod.child("volumes"));
    Map<String, String> containerNames = new HashMap<>();
    for (Value container : pod.child("initContainers").items()) {
      container(c, container, true, volumes, containerNames);
    }
    if (owner == Owner.JOB || c.requiredNonEmpty(pod, "containers")) {
      for (Value container : pod.child("containers").items()) {
        container(c, container, false, volumes, containerNames);
      }
    }
  }

  /** The volumes' names; each needs a unique DNS-label name and at most one source. */
  private static Set<String> volumes(FieldChecks c, Value volumes) {
    Map<String, String> seen = new HashMap<>();
    for (Value volume : volumes.items()) {
      String name = c.required(volume, "name");
      c.name(volume.child("name"), KubeSyntax.DNS_LABEL);
      unique(c, volume.child("name"), name, seen);
      int sources = 0;
      for (Map.Entry<String, JsonNode> e : volume.node().properties()) {
        sources += !e.getKey().equals("name") && e.getValue().isObject() ? 1 : 0;
      }
      if (sources > 1) {
        c.error(volume, FieldChecks.INVALID_VALUE, FieldChecks.INVALID_VALUE + ".volume-sources");
      }
    }
    return seen.keySet();
  }

  private static void container(
      FieldChecks c,
      Value container,
      boolean init,
      Set<String> volumes,
      Map<String, String> containerNames) {
    String name = c.required(container, "name");
    c.name(container.child("name"), KubeSyntax.DNS_LABEL);
    unique(c, container.child("name"), name, containerNames);
    if (FieldChecks.text(container.child("image")).isBlank()) {
      c.error(container.child("image"), FieldChecks.REQUIRED, FieldChecks.REQUIRED);
    }
    c.oneOf(container.child("imagePullPolicy"), PULL_POLICIES);
    ports(c, container.child("ports"));
    env(c, container.child("env"));
    envFrom(c, container.child("envFrom"));
    resources(c, container.child("resources"));
    mounts(c, container.child("volumeMounts"), volumes);
    boolean sidecar = FieldChecks.text(container.child("restartPolicy")).equals("Always");
    for (String probe : PROBES) {
      Value p = container.child(probe);
      if (p.isNull()) {
        continue;
      }
      if (init && !sidecar && !probe.equals("startupProbe")) {
        c.error(p, FieldChecks.INVALID_VALUE, FieldChecks.INVALID_VALUE + ".init-probe");
      }
      long handlers = PROBE_HANDLERS.stream().filter(h -> !p.child(h).isNull()).count();
      if (handlers != 1) {
        c.error(
            p,
            FieldChecks.INVALID_VALUE,
            FieldChecks.INVALID_VALUE + ".probe-handlers",
            String.join(", ", PROBE_HANDLERS));
      }
    }
  }

  private static void ports(FieldChecks c, Value ports) {
    Map<String, String> names = new HashMap<>();
    for (Value port : ports.items()) {
      if (port.child("containerPort").isNull()) {
        c.error(port.child("containerPort"), FieldChecks.REQUIRED, FieldChecks.REQUIRED);
      }
      c.between(port.child("containerPort"), 1, MAX_PORT);
      c.between(port.child("hostPort"), 0, MAX_PORT);
      c.oneOf(port.child("protocol"), PROTOCOLS);
      String name = FieldChecks.text(port.child("name"));
      if (!name.isEmpty()) {
        c.name(port.child("name"), KubeSyntax.PORT_NAME);
        unique(c, port.child("name"), name, names);
      }
    }
  }

  /** Env names, duplicates (the last one wins, which usually hides a mistake), value sources. */
  private static void env(FieldChecks c, Value env) {
    Map<String, String> seen = new HashMap<>();
    for (Value var : env.items()) {
      Value nameAt = var.child("name");
      String name = c.required(var, "name");
      if (!name.isEmpty() && !KubeSyntax.ENV_VAR_NAME.accepts(name)) {
        c.error(
            nameAt, INVALID_ENV_NAME, INVALID_ENV_NAME, name, KubeSyntax.ENV_VAR_NAME.describe());
      }
      if (!name.isEmpty()) {
        String first = seen.putIfAbsent(name, nameAt.pointer());
        if (first != null) {
          c.warning(nameAt, DUPLICATE_ENV, DUPLICATE_ENV, name, Value.dotted(first));
        }
      }
      Value from = var.child("valueFrom");
      if (from.isNull()) {
        continue;
      }
      if (!FieldChecks.text(var.child("value")).isEmpty()) {
        c.error(from, FieldChecks.INVALID_VALUE, FieldChecks.INVALID_VALUE + ".value-and-from");
      }
      int sources = from.node().size();
      if (sources != 1) {
        c.error(
            from,
            FieldChecks.INVALID_VALUE,
            FieldChecks.INVALID_VALUE + ".one-source",
            "configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef");
      }
      for (String ref : List.of("configMapKeyRef", "secretKeyRef")) {
        if (!from.child(ref).isNull()) {
          c.required(from.child(ref), "key");
        }
      }
      if (!from.child("fieldRef").isNull()) {
        c.required(from.child("fieldRef"), "fieldPath");
      }
      if (!from.child("resourceFieldRef").isNull()) {
        c.required(from.child("resourceFieldRef"), "resource");
      }
    }
  }

  private static void envFrom(FieldChecks c, Value envFrom) {
    for (Value source : envFrom.items()) {
      String prefix = FieldChecks.text(source.child("prefix"));
      if (!prefix.isEmpty() && !KubeSyntax.ENV_VAR_NAME.accepts(prefix)) {
        c.error(
            source.child("prefix"),
            INVALID_ENV_NAME,
            INVALID_ENV_NAME,
            prefix,
            KubeSyntax.ENV_VAR_NAME.describe());
      }
      boolean configMap = !source.child("configMapRef").isNull();
      boolean secret = !source.child("secretRef").isNull();
      if (configMap == secret) {
        c.error(
            source,
            FieldChecks.INVALID_VALUE,
            FieldChecks.INVALID_VALUE + ".one-source",
            "configMapRef, secretRef");
      } else {
        Value ref = source.child(configMap ? "configMapRef" : "secretRef");
        if (!c.required(ref, "name").isEmpty()) {
          c.name(ref.child("name"), KubeSyntax.DNS_SUBDOMAIN);
        }
      }
    }
  }

  /** Resource names, quantities, and requests no larger than limits. */
  private static void resources(FieldChecks c, Value resources) {
    Map<String, BigDecimal> limits = new HashMap<>();
    for (String section : List.of("limits", "requests")) {
      Value map = resources.child(section);
      for (Map.Entry<String, JsonNode> e : map.node().properties()) {
        Value at = map.child(e.getKey());
        if (!isResourceName(e.getKey())) {
          c.error(
              at,
              FieldChecks.INVALID_VALUE,
              FieldChecks.INVALID_VALUE + ".resource-name",
              e.getKey());
          continue;
        }
        Optional<BigDecimal> q = c.quantity(at);
        if (q.isEmpty()) {
          continue;
        }
        if (section.equals("limits")) {
          limits.put(e.getKey(), q.get());
        } else {
          BigDecimal limit = limits.get(e.getKey());
          if (limit != null && q.get().compareTo(limit) > 0) {
            c.error(
                at,
                FieldChecks.INVALID_VALUE,
                FieldChecks.INVALID_VALUE + ".request-above-limit",
                e.getValue().asText(),
                resources.child("limits").child(e.getKey()).node().asText());
          }
        }
      }
    }
  }

  /** {@code cpu}, {@code memory}, {@code ephemeral-storage}, {@code hugepages-*} or prefixed. */
  private static boolean isResourceName(String name) {
    if (name.indexOf('/') > 0) {
      return KubeSyntax.QUALIFIED_NAME.accepts(name);
    }
    return STANDARD_RESOURCES.contains(name)
        || (name.startsWith("hugepages-")
            && Quantity.parse(name.substring("hugepages-".length())).isPresent());
  }

  private static void mounts(FieldChecks c, Value mounts, Set<String> volumes) {
    Map<String, String> paths = new HashMap<>();
    for (Value mount : mounts.items()) {
      String volume = c.required(mount, "name");
      if (!volume.isEmpty() && !volumes.contains(volume)) {
        c.error(mount.child("name"), VOLUME_MOUNT, VOLUME_MOUNT, volume);
      }
      String path = c.required(mount, "mountPath");
      if (!path.isEmpty()) {
        String first = paths.putIfAbsent(path, mount.child("mountPath").pointer());
        if (first != null) {
          c.error(
              mount.child("mountPath"),
              VOLUME_MOUNT,
              VOLUME_MOUNT + ".path",
              path,
              Value.dotted(first));
        }
      }
      if (!FieldChecks.text(mount.child("subPath")).isEmpty()
          && !FieldChecks.text(mount.child("subPathExpr")).isEmpty()) {
        c.error(mount, FieldChecks.INVALID_VALUE, FieldChecks.INVALID_VALUE + ".sub-path");
      }
    }
  }

  /** A toleration's shape, as {@code ValidateTolerations} checks it. */
  private static void toleration(FieldChecks c, Value t) {
    String key = FieldChecks.text(t.child("key"));
    String operator = FieldChecks.text(t.child("operator"));
    String value = FieldChecks.text(t.child("value"));
    String effect = FieldChecks.text(t.child("effect"));
    if (!key.isEmpty() && !KubeSyntax.QUALIFIED_NAME.accepts(key)) {
      c.error(
          t.child("key"),
          FieldChecks.INVALID_LABEL,
          FieldChecks.INVALID_LABEL + ".key",
          key,
          KubeSyntax.QUALIFIED_NAME.describe());
    }
    c.oneOf(t.child("operator"), TOLERATION_OPERATORS);
    c.oneOf(t.child("effect"), TAINT_EFFECTS);
    if (key.isEmpty() && !operator.equals("Exists")) {
      c.error(
          t.child("operator"),
          FieldChecks.INVALID_VALUE,
          FieldChecks.INVALID_VALUE + ".toleration-key");
    }
    if (operator.equals("Exists") && !value.isEmpty()) {
      c.error(
          t.child("value"),
          FieldChecks.INVALID_VALUE,
          FieldChecks.INVALID_VALUE + ".toleration-exists");
    }
    if (!operator.equals("Exists") && !KubeSyntax.LABEL_VALUE.accepts(value)) {
      c.error(
          t.child("value"),
          FieldChecks.INVALID_LABEL,
          FieldChecks.INVALID_LABEL,
          value,
          KubeSyntax.LABEL_VALUE.describe());
    }
    if (!t.child("tolerationSeconds").isNull() && !effect.equals("NoExecute")) {
      c.error(
          t.child("tolerationSeconds"),
          FieldChecks.INVALID_VALUE,
          FieldChecks.INVALID_VALUE + ".toleration-seconds");
    }
  }

  /**
   * Reports a name already used in the same list; {@code seen} maps names to the pointer of their
   * first use.
   */
  private static void unique(FieldChecks c, Value at, String name, Map<String, String> seen) {
    if (name.isEmpty()) {
      return;
    }
    String first = seen.putIfAbsent(name, at.pointer());
    if (first != null) {
      c.error(at, DUPLICATE_NAME, DUPLICATE_NAME, name, Value.dotted(first));
    }
  }
}
