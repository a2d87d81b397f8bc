package dev.pwk.renderer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one YAML writer of the renderer: block style, lists indented like kubectl, no document marker
 * (the caller adds {@code ---}), quotes only where a YAML 1.1 reader would otherwise see something
 * other than a string, and no line folding. Output depends only on the object, so identical objects
 * give identical bytes.
 */
final class YamlWriter {
  /**
   * The property orders pwk overrides, by model class: each value is a class whose
   * {@code @JsonPropertyOrder} replaces the model's own (Jackson's mix-in convention).
   */
  static final Map<Class<?>, Class<?>> ORDER_OVERRIDES =
      Map.of(
          ObjectMeta.class, MetadataOrder.class,
          DeploymentSpec.class, DeploymentSpecOrder.class,
          PodSpec.class, PodSpecOrder.class,
          Container.class, ContainerOrder.class,
          Volume.class, NameFirst.class,
          SecretKeySelector.class, NameFirst.class,
          RoleRef.class, RoleRefOrder.class);

  private final YAMLFactory factory = newFactory();
  private final ModelWriter model = new ModelWriter(ORDER_OVERRIDES);

  /**
   * The writer every renderer shares. It keeps what it learns of each model class (its properties
   * in order), which a writer per render would learn again for every render.
   */
  static YamlWriter shared() {
    return Shared.WRITER;
  }

  private static final class Shared {
    static final YamlWriter WRITER = new YamlWriter();
  }

  private YamlWriter() {}

  /** The YAML factory of the writer's style. */
  static YAMLFactory newFactory() {
    return YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .stringQuotingChecker(new Yaml11Quoting())
        .build();
  }

  /** The object as a YAML document ending in a newline. */
  String write(Object object) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = factory.createGenerator(out)) {
      model.write(g, object);
    } catch (ModelWriter.Unsupported e) {
      return Jackson.write(object);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + object.getClass().getSimpleName(), e);
    }
    return out.toString();
  }

  /**
   * Jackson's data binding with the same style and orders, for the rare object the model writer
   * does not know. Built on first use, as building it is a large part of a start.
   */
  static final class Jackson {
    static final ObjectMapper MAPPER = mapper();

    private Jackson() {}

    static ObjectMapper mapper() {
      YAMLMapper.Builder b = YAMLMapper.builder(newFactory());
      ORDER_OVERRIDES.forEach(b::addMixIn);
      return b.build();
    }

    static String write(Object object) {
      try {
        return MAPPER.writeValueAsString(object);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("cannot write " + object.getClass().getSimpleName(), e);
      }
    }
  }

  // Property orders below follow the chart's templates, so output reads like helm's; they have
  // no effect on meaning.

  /** Names first, as Helm's templates and kubectl print metadata. */
  @JsonPropertyOrder({"name", "namespace", "labels", "annotations"})
  private abstract static class MetadataOrder {}

  /** The order of the chart's Deployment template. */
  @JsonPropertyOrder({"revisionHistoryLimit", "replicas", "selector", "template"})
  private abstract static class DeploymentSpecOrder {}

  /** The order of the chart's pod template. */
  @JsonPropertyOrder({
    "imagePullSecrets",
    "dnsPolicy",
    "dnsConfig",
    "serviceAccountName",
    "affinity",
    "nodeSelector",
    "tolerations",
    "securityContext",
    "priorityClassName",
    "initContainers",
    "containers",
    "volumes"
  })
  private abstract static class PodSpecOrder {}

  @JsonPropertyOrder({"name"})
  private abstract static class NameFirst {}

  @JsonPropertyOrder({"apiGroup", "kind", "name"})
  private abstract static class RoleRefOrder {}

  /** The order of the chart's container templates. */
  @JsonPropertyOrder({
    "name",
    "image",
    "imagePullPolicy",
    "command",
    "args",
    "workingDir",
    "env",
    "envFrom",
    "resources",
    "securityContext",
    "livenessProbe",
    "volumeMounts"
  })
  private abstract static class ContainerOrder {}

  /**
   * Quotes every string a YAML 1.1 reader (Kubernetes' go-yaml v2, SnakeYAML) would type as a
   * boolean, null, number or timestamp, e.g. {@code y}, {@code on}, {@code 0x1F}, {@code 012},
   * {@code 1e3} or {@code 2024-01-01}, on top of Jackson's own checks.
   */
  static final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    /** The YAML 1.1 booleans and nulls, the only implicit forms that start with a letter. */
    private static final Set<String> IMPLICIT_WORDS =
        Set.of(
            "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off",
            "OFF");

    /** The other implicit forms: null, numbers, sexagesimals, infinities, timestamps, merge. */
    private static final Pattern IMPLICIT_FORMS =
        Pattern.compile(
            String.join(
                "|",
                "~",
                "[-+]?0b[0-1_]+",
                "[-+]?0o?[0-7_]+",
                "[-+]?0x[0-9a-fA-F_]+",
                "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?",
                "[-+]?(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?",
                "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)",
                "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?",
                "<<|="));

    @Override
    public boolean needToQuoteValue(String value) {
      return value.isEmpty() || isImplicit(value) || super.needToQuoteValue(value);
    }

    @Override
    public boolean needToQuoteName(String name) {
      return name.isEmpty() || isImplicit(name) || super.needToQuoteName(name);
    }

    /**
     * Whether a YAML 1.1 reader types {@code s} (non-empty) as something other than a string. This
     * runs for every key and value written, so the regex runs only on strings that can match it:
     * those starting with a digit or one of {@code +-.~<=}.
     */
    static boolean isImplicit(String s) {
      char c = s.charAt(0);
      if (Character.isLetter(c)) {
        return IMPLICIT_WORDS.contains(s);
      }
      boolean candidate =
          (c >= '0' && c <= '9')
              || c == '+'
              || c == '-'
              || c == '.'
              || c == '~'
              || c == '<'
              || c == '=';
      return candidate && IMPLICIT_FORMS.matcher(s).matches();
    }
  }
}
