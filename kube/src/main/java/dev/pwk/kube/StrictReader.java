package dev.pwk.renderer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pwk.kube.Suggestions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads each rendered object back into its fabric8 class the way a strict API server decodes it,
 * reporting every field the Kubernetes schema does not have.
 *
 * <p>fabric8 models keep unknown fields in {@code additionalProperties} (through Jackson's
 * any-setter) rather than failing, which is how a misspelt {@code
 * extraContainers[0].imagePullPolicyy} or a {@code securityContext} field that does not exist gets
 * through rendering. The reader here ignores every any-setter and every {@code ignoreUnknown}, so
 * such a field becomes an unknown property; a problem handler records it with its JSON pointer and
 * skips it, so one pass finds all of them.
 */
final class UnknownFields {
  static final String RULE = "manifest.unknown-field";

  /** The reader attribute under which the current run collects unknown fields. */
  private static final Object SINK = UnknownFields.class;

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .annotationIntrospector(new NoAnySetter())
          .addHandler(new Collector())
          .build();

  private UnknownFields() {}

  /** One field the object's class does not have. */
  private record Unknown(String pointer, String type, String suggestion) {}

  static void check(ManifestDocument doc, ManifestReport out) {
    List<Unknown> unknown = new ArrayList<>();
    Class<?> type = doc.rendered().object().getClass();
    ObjectReader reader = STRICT.readerFor(type).withAttribute(SINK, unknown);
    try {
      reader.readValue(STRICT.treeAsTokens(doc.tree()));
    } catch (JsonMappingException e) {
      out.error(
          doc,
          new Value(pointer(e), null),
          FieldChecks.INVALID_VALUE,
          "manifest.invalid-value.type",
          type.getSimpleName());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read back a rendered " + type.getSimpleName(), e);
    }
    for (Unknown u : unknown) {
      Value at = new Value(u.pointer(), null);
      if (u.suggestion() == null) {
        out.error(doc, at, RULE, RULE, u.type());
      } else {
        out.error(doc, at, RULE, RULE + ".suggest", u.type(), u.suggestion());
      }
    }
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder p = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        p.append('/').append(Value.escape(r.getFieldName()));
      } else if (r.getIndex() >= 0) {
        p.append('/').append(r.getIndex());
      }
    }
    return p.toString();
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

  /** Records an unknown field in the run's sink, then skips its value. */
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
      ((List<Unknown>) sink)
          .add(
              new Unknown(
                  at.pathAsPointer().toString(),
                  type.getSimpleName(),
                  closest(propertyName, deserializer.getKnownPropertyNames())));
      p.skipChildren();
      return true;
    }
  }

  /** The known field closest to a misspelt one, if it is only a typo away. */
  static String closest(String name, Collection<Object> known) {
    if (known == null) {
      return null;
    }
    List<String> names = known.stream().map(Object::toString).toList();
    return Suggestions.closest(name, names).orElse(null);
  }
}
