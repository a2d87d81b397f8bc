package dev.pwk.renderer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code configmap.yaml} (§4.5): the base job template, emitted when {@code
 * worker.config.baseJobTemplate.configuration} is truthy, under the key {@code
 * baseJobTemplate.json}. A string is stored as is; a map is stored as compact JSON with sorted keys
 * (upstream inserts that JSON unquoted, which YAML reads as a nested map, invalid in a ConfigMap).
 */
final class ConfigMapManifest {
  static final String TEMPLATE = "configmap.yaml";
  static final String DATA_KEY = "baseJobTemplate.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigMapManifest() {}

  static Optional<ConfigMap> build(RenderContext ctx) {
    Names n = ctx.names();
    if (!n.generatesConfigMap()) {
      return Optional.empty();
    }
    Value configuration = ctx.values().baseJobTemplateConfiguration();
    JsonNode node = configuration.node();
    String data =
        node.isContainerNode() ? compactSortedJson(node) : ctx.values().text(configuration);
    return Optional.of(
        new ConfigMapBuilder()
            .withMetadata(ctx.metadata().configMap(n.baseJobTemplateName(), n.namespace()))
            .withData(Map.of(DATA_KEY, data))
            .build());
  }

  /**
   * The {@code checksum/config} pod annotation: SHA-256 of a newline followed by the ConfigMap's
   * YAML, or of a lone newline without a ConfigMap (as upstream, which hashes the rendered template
   * text).
   */
  static String checksum(Optional<String> configMapYaml) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(("\n" + configMapYaml.orElse("")).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Go's {@code toJson} of a map: compact, keys sorted, integral numbers without a fraction. */
  static String compactSortedJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(sorted(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode sorted(JsonNode n) {
    if (n.isObject()) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String k : keys) {
        out.set(k, sorted(n.get(k)));
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(n.size());
      n.forEach(item -> out.add(sorted(item)));
      return out;
    }
    if (n.isFloatingPointNumber() && isIntegral(n.doubleValue())) {
      return JsonNodeFactory.instance.numberNode(new BigDecimal(n.doubleValue()).toBigInteger());
    }
    return n;
  }

  private static boolean isIntegral(double d) {
    return !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 1e21;
  }
}
