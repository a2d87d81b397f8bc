package dev.pwk.renderer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.Value;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.io.StringWriter;
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
 * {@code configmap.yaml} (docs/chart-spec.md §4.5): the base job template, emitted when {@code
 * worker.config.baseJobTemplate.configuration} is truthy, under the key {@code
 * baseJobTemplate.json}. A string is stored as is; a map is stored as compact JSON with sorted keys
 * (upstream inserts that JSON unquoted, which YAML reads as a nested map, invalid in a ConfigMap).
 */
final class ConfigMapManifest {
  static final String TEMPLATE = "configmap.yaml";
  static final String DATA_KEY = "baseJobTemplate.json";

  private static final JsonFactory JSON = new JsonFactory();

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

  /**
   * Go's {@code toJson} of a map: compact, keys sorted, integral numbers without a fraction.
   * Written with Jackson's generator rather than an {@code ObjectMapper}, which would be the only
   * mapper a render builds.
   */
  static String compactSortedJson(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeSorted(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeSorted(JsonGenerator g, JsonNode n) throws IOException {
    if (n.isObject()) {
      List<String> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      g.writeStartObject();
      for (String k : keys) {
        g.writeFieldName(k);
        writeSorted(g, n.get(k));
      }
      g.writeEndObject();
    } else if (n.isArray()) {
      g.writeStartArray();
      for (JsonNode item : n) {
        writeSorted(g, item);
      }
      g.writeEndArray();
    } else if (n.isFloatingPointNumber() && isIntegral(n.doubleValue())) {
      g.writeNumber(new BigDecimal(n.doubleValue()).toBigInteger());
    } else if (n.isTextual()) {
      g.writeString(n.textValue());
    } else if (n.isBoolean()) {
      g.writeBoolean(n.booleanValue());
    } else if (n.isNull()) {
      g.writeNull();
    } else if (n.isInt() || n.isShort()) {
      g.writeNumber(n.intValue());
    } else if (n.isLong()) {
      g.writeNumber(n.longValue());
    } else if (n.isBigInteger()) {
      g.writeNumber(n.bigIntegerValue());
    } else if (n.isDouble()) {
      g.writeNumber(n.doubleValue());
    } else if (n.isFloat()) {
      g.writeNumber(n.floatValue());
    } else if (n.isBigDecimal()) {
      g.writeNumber(n.decimalValue());
    } else {
      throw new IllegalStateException("a values node of type " + n.getNodeType());
    }
  }

  private static boolean isIntegral(double d) {
    return !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 1e21;
  }
}
