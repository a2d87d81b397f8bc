package dev.pwk.renderer;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds fabric8 model objects from values as Jackson's data binding would, for values whose every
 * field is of the model's own type, without building an {@code ObjectMapper}'s bean deserializers:
 * those are a large part of a render's start-up (docs/performance.md). Anything else (a value
 * Jackson would coerce, such as a number for a string; a null; a field the model does not know; a
 * type it does not handle) makes it decline, and the caller lets Jackson do the whole value, so
 * results and error reports stay Jackson's. A test checks it against Jackson on every free-form
 * value of the conformance corpus.
 */
final class ModelReader {
  /** Per model class, its fields by property name. Shared by the renders of a batch. */
  private final Map<Class<?>, Map<String, Field>> beans = new ConcurrentHashMap<>();

  /** Thrown inside the reader when a value needs Jackson; never escapes {@link #read}. */
  private static final class Decline extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Decline() {
      super(null, null, false, false);
    }
  }

  private static final Decline DECLINE = new Decline();

  /** The value as a {@code type}, or empty when Jackson should read it. */
  <T> Optional<T> read(JsonNode node, Class<T> type) {
    try {
      return Optional.of(type.cast(value(node, type)));
    } catch (Decline e) {
      return Optional.empty();
    }
  }

  /**
   * A quantity as written; one that does not parse is kept as the text Helm prints, for the value
   * rules and the manifest checks to report rather than a crash here.
   */
  private static Quantity quantity(String text) {
    try {
      return new Quantity(text);
    } catch (IllegalArgumentException e) {
      Quantity kept = new Quantity();
      kept.setAmount(text);
      return kept;
    }
  }

  private Object value(JsonNode node, Type type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw DECLINE;
    }
    if (type == String.class) {
      return node.isTextual() ? node.textValue() : decline();
    }
    if (type == Integer.class) {
      return node.isInt() ? node.intValue() : decline();
    }
    if (type == Long.class) {
      return node.isInt() || node.isLong() ? node.longValue() : decline();
    }
    if (type == Boolean.class) {
      return node.isBoolean() ? node.booleanValue() : decline();
    }
    if (type == Quantity.class) {
      return node.isTextual() || node.isInt() || node.isLong()
          ? quantity(node.asText())
          : decline();
    }
    if (type == IntOrString.class) {
      if (node.isInt()) {
        return new IntOrString(node.intValue());
      }
      return node.isTextual() ? new IntOrString(node.textValue()) : decline();
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      if (!node.isArray()) {
        throw DECLINE;
      }
      List<Object> items = new ArrayList<>();
      for (JsonNode item : node) {
        items.add(value(item, p.getActualTypeArguments()[0]));
      }
      return items;
    }
    if (type instanceof ParameterizedType p
        && p.getRawType() == Map.class
        && p.getActualTypeArguments()[0] == String.class) {
      if (!node.isObject()) {
        throw DECLINE;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        map.put(e.getKey(), value(e.getValue(), p.getActualTypeArguments()[1]));
      }
      return map;
    }
    if (type instanceof Class<?> c && ModelClass.isModel(c)) {
      return bean(node, c);
    }
    throw DECLINE;
  }

  private static Object decline() {
    throw DECLINE;
  }

  private Object bean(JsonNode node, Class<?> type) {
    if (!node.isObject()) {
      throw DECLINE;
    }
    Map<String, Field> fields = beans.computeIfAbsent(type, ModelReader::fields);
    if (fields.isEmpty()) {
      throw DECLINE;
    }
    Object bean = newInstance(type);
    Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> e = entries.next();
      Field f = fields.get(e.getKey());
      if (f == null) {
        throw DECLINE;
      }
      try {
        f.set(bean, value(e.getValue(), f.getGenericType()));
      } catch (IllegalAccessException ex) {
        throw DECLINE;
      }
    }
    return bean;
  }

  /**
   * The fields of a model class by property name; none when the class is not a plain model bean (a
   * superclass, or a deserializer of its own or of a property's).
   */
  private static Map<String, Field> fields(Class<?> type) {
    JsonDeserialize custom = type.getAnnotation(JsonDeserialize.class);
    if (type.getSuperclass() != Object.class
        || custom != null && custom.using() != JsonDeserializer.None.class) {
      return Map.of();
    }
    Map<String, Field> properties = ModelClass.of(type).properties();
    for (Field f : properties.values()) {
      if (f.isAnnotationPresent(JsonDeserialize.class)) {
        return Map.of();
      }
    }
    return properties;
  }

  private static Object newInstance(Class<?> type) {
    try {
      Constructor<?> c = type.getDeclaredConstructor();
      return c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw DECLINE;
    }
  }
}
