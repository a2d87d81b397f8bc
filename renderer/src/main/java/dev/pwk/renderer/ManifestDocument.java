package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.Value;

/**
 * One rendered object prepared for validation: its JSON form as the API server would receive it.
 *
 * @param index the object's position in the rendering, which orders findings
 * @param rendered the object and the template that emits it
 * @param tree the object serialised to JSON
 */
record ManifestDocument(int index, RenderedObject rendered, JsonNode tree) {

  /** The whole object, at the empty pointer. */
  Value root() {
    return new Value("", tree);
  }

  String kind() {
    return tree.path("kind").asText();
  }

  String name() {
    return tree.path("metadata").path("name").asText();
  }

  String namespace() {
    return tree.path("metadata").path("namespace").asText();
  }
}
