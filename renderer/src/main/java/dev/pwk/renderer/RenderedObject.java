package dev.pwk.renderer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * One Kubernetes object of a rendering, with the upstream chart template that emits it.
 *
 * @param templateFile the upstream template file name, e.g. {@code deployment.yaml}
 * @param object the object; fabric8 models are mutable, but the renderer never changes an object
 *     after returning it
 */
public record RenderedObject(String templateFile, HasMetadata object) {

  public RenderedObject {
    Objects.requireNonNull(templateFile, "templateFile");
    Objects.requireNonNull(object, "object");
  }

  /** The template path Helm prints in its {@code # Source:} comment. */
  public String source() {
    return "prefect-worker/templates/" + templateFile;
  }
}
