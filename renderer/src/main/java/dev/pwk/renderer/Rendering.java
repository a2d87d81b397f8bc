package dev.pwk.renderer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The objects the chart renders for one set of values, in Helm's install order. */
public final class Rendering {
  private final List<RenderedObject> objects;
  private final YamlWriter writer;

  /**
   * Objects already written while rendering, by identity: the ConfigMap, whose text the
   * Deployment's {@code checksum/config} is computed over, prints as that same text.
   */
  private final Map<HasMetadata, String> written;

  Rendering(List<RenderedObject> objects, YamlWriter writer, Map<HasMetadata, String> written) {
    this.objects = List.copyOf(objects);
    this.writer = writer;
    this.written = written;
  }

  /**
   * The objects in Helm's order: PodDisruptionBudget, ServiceAccount, ConfigMap, Role, RoleBinding,
   * Deployment, HorizontalPodAutoscaler (each only when the values enable it).
   */
  public List<RenderedObject> objects() {
    return objects;
  }

  /** A rendering of only the objects that match, in the same order (e.g. {@code --show-only}). */
  public Rendering select(Predicate<? super RenderedObject> filter) {
    return new Rendering(objects.stream().filter(filter).toList(), writer, written);
  }

  /** The first object of the given type, if rendered. */
  public <T extends HasMetadata> Optional<T> find(Class<T> type) {
    return objects.stream()
        .map(RenderedObject::object)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst();
  }

  /**
   * The objects as one multi-document YAML stream, like {@code helm template}: each document is
   * {@code ---}, a {@code # Source:} comment and the object. Identical objects give identical
   * bytes. The ConfigMap prints as the text its checksum was computed over when it was rendered.
   */
  public String toYaml() {
    StringBuilder out = new StringBuilder();
    List<String> documents = documents();
    for (int i = 0; i < objects.size(); i++) {
      out.append("---\n# Source: ").append(objects.get(i).source()).append('\n');
      out.append(documents.get(i));
    }
    return out.toString();
  }

  /**
   * Each object's YAML, without the {@code ---} and {@code # Source:} lines {@link #toYaml} adds.
   */
  List<String> documents() {
    List<String> documents = new ArrayList<>(objects.size());
    for (RenderedObject o : objects) {
      String text = written.get(o.object());
      documents.add(text != null ? text : writer.write(o.object()));
    }
    return documents;
  }
}
