package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pwk.renderer.RenderException;
import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.Renderer;
import dev.pwk.renderer.Rendering;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Renders worker values for the cluster under test and applies the result. */
final class Manifests {
  private Manifests() {}

  /** A values file of this module's test resources ({@code values/<name>}). */
  static Path valuesFile(String name) {
    URL url = Manifests.class.getResource("values/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test values file " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The values file plus {@code --set} arguments. */
  static ValueInputs values(String file, String... sets) {
    ValueInputs.Builder in = ValueInputs.builder().file(valuesFile(file));
    for (String set : sets) {
      in.set(set);
    }
    return in.build();
  }

  /** Renders as pwk would for this cluster: its version and the API versions it serves. */
  static Rendering render(Cluster cluster, String release, String namespace, ValueInputs inputs) {
    try {
      return Renderer.create()
          .render(
              ValuesLoader.create().load(inputs),
              RenderOptions.builder()
                  .releaseName(release)
                  .namespace(namespace)
                  .capabilities(cluster.capabilities())
                  .build());
    } catch (ValuesException | RenderException e) {
      return fail("pwk could not render " + release + ": " + e.getMessage(), e);
    }
  }

  /** Server-side applies every object of the rendering for real. */
  static void apply(Cluster cluster, Rendering rendering) {
    for (var o : rendering.objects()) {
      apply(cluster, o.object());
    }
  }

  static HasMetadata apply(Cluster cluster, HasMetadata object) {
    return cluster
        .client()
        .resource(object)
        .fieldManager(Cluster.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  /**
   * Server-side applies in dry-run mode: the API server decodes, defaults, validates and admits the
   * object but stores nothing. On 1.20 a server-side apply also rejects unknown fields.
   */
  static void dryRunApply(Cluster cluster, HasMetadata object) {
    cluster
        .client()
        .resource(object)
        .dryRun()
        .fieldManager(Cluster.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
  }

  /** {@code Kind namespace/name}. */
  static String id(HasMetadata o) {
    return o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }

  /**
   * True when the API server refused the object as invalid. Kubernetes 1.20 answers a server-side
   * apply whose body does not fit the schema (an unknown field, a number where a string belongs)
   * with 500 "failed to create typed patch object" rather than 400 or 422.
   */
  static boolean isRejection(KubernetesClientException e) {
    int code = e.getCode();
    return code == 400
        || code == 422
        || (code == 500 && String.valueOf(e.getMessage()).contains("failed to create typed patch"));
  }
}
