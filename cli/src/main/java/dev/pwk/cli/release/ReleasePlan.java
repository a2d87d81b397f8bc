package dev.pwk.cli.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.renderer.RenderOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_NAMESPACE = 63;

  public ReleasePlan {
    checkName(name, namespace);
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

  /**
   * Checks a release name and namespace given by the user.
   *
   * @throws ReleaseException with exit code 2 when either is invalid
   */
  static void checkName(String name, String namespace) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    if (!RenderOptions.isValidReleaseName(name)) {
      throw new ReleaseException(
          "invalid release name \""
              + name
              + "\": use at most 53 lower-case letters, digits, '-' or '.', starting and ending"
              + " with a letter or digit",
          ReleaseException.UNREACHABLE);
    }
    if (namespace.length() > MAX_NAMESPACE || !NAMESPACE.matcher(namespace).matches()) {
      throw new ReleaseException(
          "invalid namespace \""
              + namespace
              + "\": use at most 63 lower-case letters, digits or '-', starting and ending with a"
              + " letter or digit",
          ReleaseException.UNREACHABLE);
    }
  }
}
