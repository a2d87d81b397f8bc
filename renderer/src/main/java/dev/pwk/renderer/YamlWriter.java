package dev.pwk.renderer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one YAML writer of the renderer: block style, lists indented like kubectl, no document marker
 * (the caller adds {@code ---}), quotes only where a YAML 1.1 reader would otherwise see something
 * other than a string, and no line folding. Output depends only on the object, so identical objects
 * give identical bytes.
 */
final class YamlWriter {
  private final ObjectMapper mapper;

  /**
   * The writer every renderer shares. Its mapper is thread-safe and caches the serializer of each
   * model class after the first write, which costs many times a write: a writer per render would
   * build them again for every render.
   */
  static YamlWriter shared() {
    return Shared.WRITER;
  }

  private static final class Shared {
    static final YamlWriter WRITER = new YamlWriter();
  }

  private YamlWriter() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new Yaml11Quoting())
            .build();
    this.mapper =
        YAMLMapper.builder(factory)
            .addMixIn(ObjectMeta.class, MetadataOrder.class)
            .addMixIn(DeploymentSpec.class, DeploymentSpecOrder.class)
            .addMixIn(PodSpec.class, PodSpecOrder.class)
            .addMixIn(Container.class, ContainerOrder.class)
            .addMixIn(Volume.class, NameFirst.class)
            .addMixIn(SecretKeySelector.class, NameFirst.class)
            .addMixIn(RoleRef.class, RoleRefOrder.class)
            .build();
  }

  /** The object as a YAML document ending in a newline. */
  String write(Object object) {
    try {
      return mapper.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + object.getClass().getSimpleName(), e);
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
