package dev.pwk.kube;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads a JSON tree into its fabric8 model class the way a strict API server decodes it: no scalar
 * coercion ({@code "3"} is no integer and {@code 5} no string), and every field the Kubernetes
 * schema does not have reported. pwk's one such reader, for rendered objects and for the base job
 * template's Job alike.
 *
 * <p>fabric8 models keep unknown fields in {@code additionalProperties} (through Jackson's
 * any-setter) rather than failing, which is how a misspelt {@code imagePullPolicyy} gets through.
 * This reader ignores every any-setter and every {@code ignoreUnknown}, so such a field becomes an
 * unknown property; a problem handler records it with its JSON pointer and skips it, so one pass
 * finds all of them. A value of the wrong type stops a read: it is recorded, removed from a copy of
 * the tree, and the copy read again.
 */
public final class StrictReader {

  /**
   * A field the object's class does not have.
   *
   * @param pointer the JSON pointer of the field in the tree read
   * @param type the simple name of the model class it was found in, e.g. {@code Container}
   * @param name the field's name
   * @param suggestion the known field it most likely meant ({@link Suggestions}), if any
   */
  public record UnknownField(
      String pointer, String type, String name, Optional<String> suggestion) {}

  /**
   * A value the model cannot take there.
   *
   * @param pointer the JSON pointer of the value in the tree read
   * @param expected what the model wanted, such as {@code an integer} or {@code a list}
   */
  public record WrongType(String pointer, String expected) {}

  /**
   * What a read found.
   *
   * @param object the object read, once every wrong value is removed; empty when the tree could not
   *     be read at all or had more wrong values than allowed
   * @param unknownFields the unknown fields, in document order (when the read stopped early, those
   *     before the value that stopped it)
   * @param wrongTypes the wrong values, in the order the reads met them
   */
  public record Result<T>(
      Optional<T> object, List<UnknownField> unknownFields, List<WrongType> wrongTypes) {}

  /** The reader attribute under which the current read collects unknown fields. */
  private static final Object SINK = StrictReader.class;

  private static final ObjectMapper STRICT = strictMapper();

  private StrictReader() {}

  /**
   * Reads {@code tree} as a {@code type}, reporting at most {@code maxWrongTypes} wrong values (the
   * first stops the read when it is 1).
   */
  public static <T> Result<T> read(JsonNode tree, Class<T> type, int maxWrongTypes) {
    ObjectReader reader = STRICT.readerFor(type);
    JsonNode working = tree;
    List<WrongType> wrong = new ArrayList<>();
    while (true) {
      List<UnknownField> unknown = new ArrayList<>();
      try {
        T object = reader.withAttribute(SINK, unknown).readValue(STRICT.treeAsTokens(working));
        return new Result<>(Optional.ofNullable(object), List.copyOf(unknown), List.copyOf(wrong));
      } catch (JsonMappingException e) {
        String pointer = pointer(e);
        wrong.add(new WrongType(pointer, expected(e)));
        if (working == tree) {
          working = tree.deepCopy();
        }
        if (wrong.size() >= maxWrongTypes || !drop(working, pointer)) {
          // The unknown fields met before the read stopped are still worth reporting.
          return new Result<>(Optional.empty(), List.copyOf(unknown), List.copyOf(wrong));
        }
      } catch (IOException e) {
        throw new IllegalStateException("reading a JSON tree failed", e);
      }
    }
  }

  /** What the model wanted where reading failed, in the words of the values schema's findings. */
  private static String expected(JsonMappingException e) {
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "a valid value";
    }
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class
        || target == Short.class) {
      return "an integer";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "a boolean";
    }
    if (target == String.class) {
      return "a string";
    }
    if (target == Double.class || target == Float.class) {
      return "a number";
    }
    if (target == IntOrString.class) {
      return "an integer or a string";
    }
    if (target == Quantity.class) {
      return "a quantity such as 500m or 1Gi";
    }
    if (target == AnyType.class) {
      return "a value";
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "a list";
    }
    return "an object";
  }

  private static String pointer(JsonMappingException e) {
    JsonPointer p = JsonPointer.empty();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        p = p.appendProperty(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        p = p.appendIndex(r.getIndex());
      }
    }
    return p.toString();
  }

  /**
   * Removes the value at the pointer (a list item becomes null, to keep indexes); false at the root
   * or where nothing is.
   */
  private static boolean drop(JsonNode root, String pointer) {
    if (pointer.isEmpty()) {
      return false;
    }
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    if (parent instanceof ObjectNode o) {
      return o.remove(p.last().getMatchingProperty()) != null;
    }
    if (parent instanceof ArrayNode a && p.last().getMatchingIndex() >= 0) {
      a.set(p.last().getMatchingIndex(), NullNode.getInstance());
      return true;
    }
    return false;
  }

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .annotationIntrospector(new NoAnySetter())
            .addHandler(new Collector())
            .build();
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** Jackson's annotations, less any-setters and {@code ignoreUnknown}. */
  private static final class NoAnySetter extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean hasAnySetter(Annotated a) {
      return null;
    }

    @Override
    public JsonIgnoreProperties.Value findPropertyIgnoralByName(
        MapperConfig<?> config, Annotated a) {
      JsonIgnoreProperties.Value v = super.findPropertyIgnoralByName(config, a);
      return v.withoutIgnoreUnknown();
    }
  }

  /** Records an unknown field in the read's sink, then skips its value. */
  private static final class Collector extends DeserializationProblemHandler {
    @Override
    @SuppressWarnings("unchecked")
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      Object sink = ctxt.getAttribute(SINK);
      if (!(sink instanceof List<?>)) {
        return false;
      }
      JsonStreamContext at = p.getParsingContext();
      JsonToken t = p.currentToken();
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        at = at.getParent();
      }
      Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
      Collection<Object> known = deserializer.getKnownPropertyNames();
      List<String> names =
          known == null ? Collections.emptyList() : known.stream().map(Object::toString).toList();
      ((List<UnknownField>) sink)
          .add(
              new UnknownField(
                  at.pathAsPointer().toString(),
                  type.getSimpleName(),
                  propertyName,
                  Suggestions.closest(propertyName, names)));
      p.skipChildren();
      return true;
    }
  }
}
