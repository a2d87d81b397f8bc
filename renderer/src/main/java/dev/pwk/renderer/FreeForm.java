package dev.pwk.renderer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.pwk.kube.Value;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts free-form values (security contexts, affinity, extra containers, volumes, env, …) into
 * fabric8 model objects: with pwk's {@link ModelReader} when a value fits the model as it is, else
 * with Jackson. Fields the model does not know are kept in its additional properties, so arbitrary
 * fields pass through. A value that does not fit is reported at its own path.
 */
final class FreeForm {
  /** Rule id for a value that does not fit the Kubernetes field it fills. */
  static final String RENDER_TYPE = "render.type";

  /**
   * Jackson, for what the model reader declines. Built on first use: a render whose values all fit
   * the model as they are never builds a mapper. It converts no scalar into another type: Helm
   * prints a value as it is, so {@code 2.7} for an integer, {@code 1e3} or {@code true} for a
   * string, {@code "1000"} for an integer or {@code ''} for a boolean reach the API server
   * unchanged, which rejects them. A value pwk changed would be neither the user's nor Helm's, so
   * these are refused instead.
   */
  private static final class Jackson {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                LogicalType.Textual,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Integer,
                c -> noStrings(c).setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, FreeForm::noStrings)
            .withCoercionConfig(LogicalType.Boolean, FreeForm::noStrings)
            .build();
  }

  /** A number or boolean field takes no string, not even an empty one (no "1000", no ''). */
  private static MutableCoercionConfig noStrings(MutableCoercionConfig c) {
    return c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setAcceptBlankAsEmpty(false);
  }

  private static final ModelReader READER = new ModelReader();

  private final Problems problems;

  FreeForm(Problems problems) {
    this.problems = problems;
  }

  /** The value as a {@code type}, or null when absent or when it does not fit (reported). */
  <T> T object(Value v, Class<T> type) {
    if (v.isNull()) {
      return null;
    }
    if (!v.node().isObject()) {
      problems.add(v.pointer(), RENDER_TYPE, Messages.get("render.type.map", v.dotted()));
      return null;
    }
    Optional<T> read = READER.read(v.node(), type);
    if (read.isPresent()) {
      return read.get();
    }
    try {
      return Jackson.MAPPER.treeToValue(v.node(), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      problems.add(
          v.pointer(),
          RENDER_TYPE,
          Messages.get("render.type.object", v.dotted(), type.getSimpleName(), where(e)));
      return null;
    }
  }

  /**
   * Each list item as a {@code type}; items that do not fit are reported and left out. A null item
   * is reported too: Helm prints it as {@code null}, which the API server rejects.
   */
  <T> List<T> list(Value v, Class<T> type) {
    List<T> out = new ArrayList<>();
    if (v.isNull()) {
      return out;
    }
    if (!v.node().isArray()) {
      problems.add(v.pointer(), RENDER_TYPE, Messages.get("render.type.list", v.dotted()));
      return out;
    }
    for (Value item : v.items()) {
      if (item.isNull()) {
        problems.add(
            item.pointer(), RENDER_TYPE, Messages.get("render.type.null-item", item.dotted()));
        continue;
      }
      T t = object(item, type);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * A map of single values as strings (labels, annotations, node selectors), keys in sorted order
   * as Helm's {@code toYaml} prints them. Null entries are left out, as YAML readers drop them.
   */
  Map<String, String> stringMap(Value v) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v.isNull()) {
      return out;
    }
    if (!v.node().isObject()) {
      problems.add(v.pointer(), RENDER_TYPE, Messages.get("render.type.map", v.dotted()));
      return out;
    }
    List<String> keys = new ArrayList<>();
    v.node().fieldNames().forEachRemaining(keys::add);
    keys.sort(null);
    for (String key : keys) {
      Value entry = v.child(key);
      if (entry.isNull()) {
        continue;
      }
      if (!GoValues.isScalar(entry.node())) {
        problems.add(
            entry.pointer(), RENDER_TYPE, Messages.get("render.type.scalar", entry.dotted()));
        continue;
      }
      out.put(key, GoValues.print(entry.node()));
    }
    return out;
  }

  /**
   * Containers with their {@code args}, {@code command} and {@code env[].value} scalars turned into
   * strings as Go prints them, since Kubernetes only accepts strings there.
   */
  List<Container> containers(Value v) {
    if (!v.node().isArray()) {
      return list(v, Container.class);
    }
    return list(v.with(stringifyContainers(v.node())), Container.class);
  }

  /** Env vars with their scalar {@code value} turned into a string as Go prints it. */
  List<EnvVar> envVars(Value v) {
    if (!v.node().isArray()) {
      return list(v, EnvVar.class);
    }
    return list(v.with(stringifyEnv(v.node())), EnvVar.class);
  }

  private static JsonNode stringifyContainers(JsonNode containers) {
    JsonNode copy = containers.deepCopy();
    for (JsonNode c : copy) {
      if (c instanceof ObjectNode container) {
        stringifyItems(container.get("args"));
        stringifyItems(container.get("command"));
        JsonNode env = container.get("env");
        if (env != null && env.isArray()) {
          container.set("env", stringifyEnv(env));
        }
      }
    }
    return copy;
  }

  private static JsonNode stringifyEnv(JsonNode env) {
    JsonNode copy = env.deepCopy();
    for (JsonNode e : copy) {
      if (e instanceof ObjectNode var) {
        JsonNode value = var.get("value");
        if (value != null && (value.isNumber() || value.isBoolean())) {
          var.set("value", TextNode.valueOf(GoValues.print(value)));
        }
      }
    }
    return copy;
  }

  private static void stringifyItems(JsonNode list) {
    if (list == null || !list.isArray()) {
      return;
    }
    ArrayNode items = (ArrayNode) list;
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (item.isNumber() || item.isBoolean()) {
        items.set(i, TextNode.valueOf(GoValues.print(item)));
      }
    }
  }

  /** One model converted into another of the same shape (e.g. an older API version). */
  static <T> T convert(Object model, Class<T> type) {
    return Jackson.MAPPER.convertValue(model, type);
  }

  /**
   * Which field did not fit, from Jackson's path; Jackson's message is not used because it quotes
   * the offending value, which may be a secret.
   */
  private static String where(Exception e) {
    Throwable t = e;
    while (t != null && !(t instanceof JsonMappingException)) {
      t = t.getCause();
    }
    if (!(t instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return Messages.get("render.type.object.unreadable");
    }
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        field.append(field.length() > 0 ? "." : "").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        field.append('[').append(r.getIndex()).append(']');
      }
    }
    return Messages.get("render.type.object.field", field);
  }
}
