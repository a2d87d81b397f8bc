package dev.pwk.renderer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Jackson's data binding sees of a fabric8 model class, found once per class and shared by
 * {@link ModelReader} and {@link ModelWriter}.
 *
 * @param properties the fields annotated {@code @JsonProperty}, by that name: superclasses' first,
 *     each class's in declaration order, as Jackson collects them
 * @param additional the {@code additionalProperties} map that keeps unknown fields, or null
 * @param plain whether every instance field is one of those two kinds
 */
record ModelClass(Map<String, Field> properties, Field additional, boolean plain) {
  private static final Map<Class<?>, ModelClass> CLASSES = new ConcurrentHashMap<>();

  /** Whether {@code type} belongs to the fabric8 model. */
  static boolean isModel(Class<?> type) {
    return type.getName().startsWith("io.fabric8.kubernetes.api.model.");
  }

  static ModelClass of(Class<?> type) {
    return CLASSES.computeIfAbsent(type, ModelClass::scan);
  }

  private static ModelClass scan(Class<?> type) {
    Map<String, Field> properties = new LinkedHashMap<>();
    Field additional = null;
    boolean plain = true;
    for (Class<?> c : hierarchy(type)) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        JsonProperty json = f.getAnnotation(JsonProperty.class);
        if (json != null) {
          f.setAccessible(true);
          properties.put(json.value(), f);
        } else if (f.getName().equals("additionalProperties")
            && f.isAnnotationPresent(JsonIgnore.class)) {
          f.setAccessible(true);
          additional = f;
        } else {
          plain = false;
        }
      }
    }
    return new ModelClass(Collections.unmodifiableMap(properties), additional, plain);
  }

  /** The class and its superclasses below {@code Object}, superclasses first. */
  private static List<Class<?>> hierarchy(Class<?> type) {
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      classes.add(0, c);
    }
    return classes;
  }
}
