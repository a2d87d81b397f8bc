package dev.pwk.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One rendering to install or upgrade: what the release should consist of after the operation.
 *
 * @param name the release name (Helm's rule: a DNS subdomain of at most 53 characters)
 * @param namespace the release namespace, where its records live
 * @param objects the rendered objects in apply order; objects without a namespace go to {@code
 *     namespace}. They are copied before pwk adds its ownership annotation.
 * @param values the merged values; the record keeps them with secret-looking values redacted
 * @param chart the chart that rendered the objects
 * @param options how to run the operation
 */
public record ReleasePlan(
    String name,
    String namespace,
    List<HasMetadata> objects,
    JsonNode values,
    ChartRef chart,
    ReleaseOptions options) {

  public ReleasePlan {
    ReleaseNames.check(name, namespace);
    objects = List.copyOf(objects);
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(options, "options");
    if (objects.isEmpty()) {
      throw new IllegalArgumentException("a release needs at least one object");
    }
    Set<String> seen = new HashSet<>();
    for (HasMetadata o : objects) {
      if (o.getApiVersion() == null
          || o.getKind() == null
          || o.getMetadata() == null
          || o.getMetadata().getName() == null) {
        throw new IllegalArgumentException("object without apiVersion, kind or name: " + o);
      }
      String ns =
          o.getMetadata().getNamespace() == null ? namespace : o.getMetadata().getNamespace();
      if (!seen.add(
          o.getApiVersion() + "/" + o.getKind() + "/" + ns + "/" + o.getMetadata().getName())) {
        throw new IllegalArgumentException("object listed twice: " + ObjectRef.of(o));
      }
    }
  }
}
