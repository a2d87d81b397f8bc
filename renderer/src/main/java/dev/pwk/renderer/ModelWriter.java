package dev.pwk.renderer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes fabric8 model objects to a Jackson generator as Jackson's data binding would, without
 * building an {@code ObjectMapper}'s bean serializers: those are a large part of a render's
 * start-up (docs/performance.md), when the JVM runs them in its interpreter. It follows the model's
 * conventions, which it checks and refuses to guess past: properties are the fields annotated
 * {@code @JsonProperty}, in the class's {@code @JsonPropertyOrder} (or the order of its entry in
 * {@link YamlWriter}'s overrides) and then as declared; {@code @JsonInclude} of the field, else of
 * the class, drops null or empty values; unknown fields kept in {@code additionalProperties} come
 * last; quantities and int-or-strings print as their text or number. Anything else throws {@link
 * Unsupported}, and the caller writes the object with Jackson. A test checks it against Jackson on
 * every object the conformance corpus renders.
 */
final class ModelWriter {
  /** An object the writer does not know how to write as Jackson would; the caller uses Jackson. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what);
    }
  }

  /** Per model class, its properties in writing order. Shared by the renders of a batch. */
  private final Map<Class<?>, BeanProperties> beans = new ConcurrentHashMap<>();

  private final Map<Class<?>, Class<?>> orderOverrides;

  ModelWriter(Map<Class<?>, Class<?>> orderOverrides) {
    this.orderOverrides = orderOverrides;
  }

  /** Writes {@code value}: a model object, or a value one holds. */
  void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Float f) {
      g.writeNumber(f);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof Quantity q) {
      writeQuantity(g, q);
    } else if (value instanceof AnyType any) {
      write(g, any.getValue());
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      writeEntries(g, map);
      g.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      writeBean(g, value);
    }
  }

  /** As fabric8's {@code Quantity.Serializer}: amount and format as one string. */
  private static void writeQuantity(JsonGenerator g, Quantity q) throws IOException {
    StringBuilder text = new StringBuilder();
    if (q.getAmount() != null) {
      text.append(q.getAmount());
    }
    if (q.getFormat() != null) {
      text.append(q.getFormat());
    }
    g.writeString(text.toString());
  }

  private void writeEntries(JsonGenerator g, Map<?, ?> map) throws IOException {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      g.writeFieldName(String.valueOf(e.getKey()));
      write(g, e.getValue());
    }
  }

  private void writeBean(JsonGenerator g, Object bean) throws IOException {
    BeanProperties properties = beans.computeIfAbsent(bean.getClass(), this::describe);
    g.writeStartObject();
    for (Property p : properties.properties()) {
      Object v = p.get(bean);
      if (p.included(v)) {
        g.writeFieldName(p.name());
        write(g, v);
      }
    }
    if (properties.additional() != null) {
      Object extra = properties.additional().get(bean);
      if (extra instanceof Map<?, ?> map) {
        writeEntries(g, map);
      }
    }
    g.writeEndObject();
  }

  /** The properties of a model class, in writing order, and its unknown-fields map. */
  private record BeanProperties(List<Property> properties, Property additional) {}

  private record Property(String name, Field field, JsonInclude.Include inclusion) {
    Object get(Object bean) {
      try {
        return field.get(bean);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + field, e);
      }
    }

    boolean included(Object v) {
      return switch (inclusion) {
        case ALWAYS -> true;
        case NON_NULL -> v != null;
        case NON_EMPTY ->
            v != null
                && !(v instanceof Collection<?> c && c.isEmpty())
                && !(v instanceof Map<?, ?> m && m.isEmpty())
                && !(v instanceof String s && s.isEmpty());
        default -> throw new Unsupported(field + ": inclusion " + inclusion);
      };
    }
  }

  private BeanProperties describe(Class<?> type) {
    if (!ModelClass.isModel(type)) {
      throw new Unsupported("not a fabric8 model class: " + type.getName());
    }
    JsonSerialize custom = type.getAnnotation(JsonSerialize.class);
    if (custom != null && custom.using() != JsonSerializer.None.class) {
      throw new Unsupported(type.getName() + " has a serializer of its own");
    }
    ModelClass model = ModelClass.of(type);
    if (!model.plain()) {
      throw new Unsupported(type.getName() + " has a field that is not a named property");
    }
    JsonInclude classInclude = type.getAnnotation(JsonInclude.class);
    JsonInclude.Include classInclusion =
        classInclude == null ? JsonInclude.Include.ALWAYS : classInclude.value();
    Map<String, Property> byName = new LinkedHashMap<>();
    model
        .properties()
        .forEach(
            (name, f) -> {
              JsonInclude include = f.getAnnotation(JsonInclude.class);
              byName.put(
                  name, new Property(name, f, include == null ? classInclusion : include.value()));
            });
    Property additional =
        model.additional() == null
            ? null
            : new Property("additionalProperties", model.additional(), JsonInclude.Include.ALWAYS);
    Class<?> orderSource = orderOverrides.getOrDefault(type, type);
    JsonPropertyOrder order = orderSource.getAnnotation(JsonPropertyOrder.class);
    List<Property> ordered = new ArrayList<>();
    if (order != null) {
      for (String name : order.value()) {
        Property p = byName.remove(name);
        if (p != null) {
          ordered.add(p);
        }
      }
    }
    ordered.addAll(byName.values());
    return new BeanProperties(List.copyOf(ordered), additional);
  }
}
