package dev.pwk.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pwk.values.SecretValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Masks secret-looking values: in the values kept in a record, and in the objects a diff shows.
 * Which keys and environment variables hold secrets is {@link SecretValues}' knowledge, shared with
 * lint; keys that name a Secret rather than hold one ({@code existingSecret}, {@code
 * apiKeySecret.name}) are kept. An entry of an env list ({@code env}, {@code extraEnvVars}) without
 * a name, or that is a bare string, is masked too, since nothing says what it holds.
 *
 * <p>A diff never shows kubectl's {@value #LAST_APPLIED} annotation: it holds a copy of the whole
 * object as last applied, env values and Secret data included.
 */
final class Redaction {
  static final String MASK = SecretValues.MASK;
  static final String MASK_CHANGED = "<redacted, changed>";
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private static final String[] CONTAINER_LISTS = {"containers", "initContainers"};
  private static final Set<String> ENV_LISTS = Set.of("env", "extraEnvVars");

  private Redaction() {}

  /** A copy of the values with every secret-looking scalar replaced by {@value #MASK}. */
  static JsonNode values(JsonNode values) {
    JsonNode copy = values.deepCopy();
    maskValues(copy, false);
    return copy;
  }

  private static void maskValues(JsonNode node, boolean inEnvList) {
    if (node instanceof ObjectNode object) {
      boolean secretEnv =
          SecretValues.isSecretEnv(object) || (inEnvList && !object.path("name").isTextual());
      for (String key : object.propertyStream().map(Map.Entry::getKey).toList()) {
        JsonNode value = object.get(key);
        boolean secret = (secretEnv && key.equals("value")) || SecretValues.isSecretKey(key);
        if (secret && isFilledScalar(value)) {
          object.set(key, TextNode.valueOf(MASK));
        } else {
          maskValues(value, ENV_LISTS.contains(key));
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (inEnvList && isFilledScalar(array.get(i))) {
          array.set(i, TextNode.valueOf(MASK));
        } else {
          maskValues(array.get(i), inEnvList);
        }
      }
    }
  }

  /**
   * Masks, in place, the secret values of a live object and its planned version: the data of a
   * Secret and secret-looking environment variables. A value that differs between the two is shown
   * as {@value #MASK_CHANGED} on the planned side, so a diff still says that it changes. Both lose
   * the {@value #LAST_APPLIED} annotation.
   */
  static void objects(ObjectNode live, ObjectNode planned) {
    dropLastApplied(live);
    dropLastApplied(planned);
    maskSecretData(live, planned, "data");
    maskSecretData(live, planned, "stringData");
    Map<String, JsonNode> before = new HashMap<>();
    if (live != null) {
      forEachSecretEnv(live, (key, env) -> before.put(key, env.get("value")));
      forEachSecretEnv(live, (key, env) -> env.put("value", MASK));
    }
    if (planned != null) {
      forEachSecretEnv(
          planned,
          (key, env) ->
              env.put(
                  "value",
                  before.containsKey(key) && !Objects.equals(before.get(key), env.get("value"))
                      ? MASK_CHANGED
                      : MASK));
    }
  }

  private static void dropLastApplied(ObjectNode object) {
    if (object != null && object.path("metadata").get("annotations") instanceof ObjectNode a) {
      a.remove(LAST_APPLIED);
      if (a.isEmpty()) {
        ((ObjectNode) object.get("metadata")).remove("annotations");
      }
    }
  }

  private static void maskSecretData(ObjectNode live, ObjectNode planned, String field) {
    boolean liveSecret = live != null && "Secret".equals(live.path("kind").asText());
    boolean plannedSecret = planned != null && "Secret".equals(planned.path("kind").asText());
    JsonNode before = liveSecret ? live.path(field).deepCopy() : null;
    if (liveSecret && live.get(field) instanceof ObjectNode data) {
      data.fieldNames().forEachRemaining(k -> data.put(k, MASK));
    }
    if (plannedSecret && planned.get(field) instanceof ObjectNode data) {
      data.fieldNames()
          .forEachRemaining(
              k ->
                  data.put(
                      k,
                      before != null && before.has(k) && !before.get(k).equals(data.get(k))
                          ? MASK_CHANGED
                          : MASK));
    }
  }

  private interface EnvVisitor {
    void visit(String key, ObjectNode env);
  }

  /** Visits every secret-looking env var that has a value, keyed by container and name. */
  private static void forEachSecretEnv(JsonNode node, EnvVisitor visitor) {
    if (node instanceof ObjectNode object) {
      for (String list : CONTAINER_LISTS) {
        if (object.get(list) instanceof ArrayNode containers) {
          for (JsonNode container : containers) {
            String prefix = list + "/" + container.path("name").asText() + "/";
            for (JsonNode env : container.path("env")) {
              if (env instanceof ObjectNode e && SecretValues.isSecretEnv(e) && e.has("value")) {
                visitor.visit(prefix + e.get("name").asText(), e);
              }
            }
          }
        }
      }
      object.elements().forEachRemaining(child -> forEachSecretEnv(child, visitor));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> forEachSecretEnv(child, visitor));
    }
  }

  private static boolean isFilledScalar(JsonNode value) {
    return value.isValueNode()
        && !value.isNull()
        && !value.isBoolean()
        && !value.asText().isEmpty();
  }
}
