package dev.pwk.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pwk.values.UnifiedDiff;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares the live objects of a release with what an upgrade would make of them, using server-side
 * dry-run applies, so defaults and admission are those of the real server.
 */
final class Differ {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SERVER_FIELDS = {
    "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink"
  };

  private final RecordStore records;
  private final ClusterObjects objects;
  private final KubernetesSerialization serialization;

  Differ(RecordStore records, ClusterObjects objects, KubernetesSerialization serialization) {
    this.records = records;
    this.objects = objects;
    this.serialization = serialization;
  }

  List<ObjectDiff> diff(Deployer.Target t) {
    String owner = ClusterObjects.owner(t.name(), t.namespace());
    List<ObjectDiff> out = new ArrayList<>();
    List<ObjectRef> desiredRefs = new ArrayList<>();
    for (HasMetadata rendered : t.objects()) {
      HasMetadata desired = objects.prepare(rendered, t.namespace(), owner);
      ObjectRef ref = ObjectRef.of(desired);
      desiredRefs.add(ref);
      HasMetadata live = objects.get(ref);
      HasMetadata planned;
      try {
        planned = objects.apply(desired, true);
      } catch (KubernetesClientException e) {
        if (live != null || !ApiErrors.is(e, ApiErrors.NOT_FOUND)) {
          throw e;
        }
        planned = desired;
      }
      ObjectNode before = live == null ? null : normalize(live);
      ObjectNode after = normalize(planned);
      Redaction.objects(before, after);
      String text =
          UnifiedDiff.diff(
              "live " + ref, before == null ? "" : yaml(before), "planned " + ref, yaml(after));
      ObjectDiff.Change change =
          live == null
              ? ObjectDiff.Change.ADDED
              : text.isEmpty() ? ObjectDiff.Change.UNCHANGED : ObjectDiff.Change.CHANGED;
      out.add(new ObjectDiff(ref, change, text));
    }
    for (ObjectRef ref : Deployer.previousObjects(records.list(t.name(), t.namespace()))) {
      if (desiredRefs.contains(ref)) {
        continue;
      }
      HasMetadata live = objects.get(ref);
      if (live == null || !ClusterObjects.ownedBy(live.getMetadata(), owner)) {
        continue;
      }
      ObjectNode before = normalize(live);
      Redaction.objects(before, null);
      out.add(
          new ObjectDiff(
              ref,
              ObjectDiff.Change.REMOVED,
              UnifiedDiff.diff("live " + ref, yaml(before), "planned " + ref, "")));
    }
    return out;
  }

  /** The object without status and server-managed metadata, with keys sorted. */
  private ObjectNode normalize(HasMetadata object) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(serialization.asJson(object));
      node.remove("status");
      if (node.get("metadata") instanceof ObjectNode meta) {
        for (String field : SERVER_FIELDS) {
          meta.remove(field);
        }
      }
      return (ObjectNode) sorted(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.createObjectNode();
      for (String field : new TreeSet<>(iterable(object))) {
        copy.set(field, sorted(object.get(field)));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.createArrayNode();
      array.forEach(item -> copy.add(sorted(item)));
      return copy;
    }
    return node;
  }

  private static List<String> iterable(ObjectNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private String yaml(ObjectNode node) {
    String text = serialization.asYaml(node);
    return text.startsWith("---\n") ? text.substring(4) : text;
  }
}
