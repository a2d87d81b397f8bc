package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pwk.values.testing.ConformanceCase;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The model reader builds what Jackson's data binding builds, or declines")
class ModelReaderTest {
  /** FreeForm's Jackson configuration: what pwk used for every free-form value before. */
  private static final ObjectMapper JACKSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelReader reader = new ModelReader();

  /** The free-form values of the chart, by where they are in the values and their model type. */
  private static final Map<String, Class<?>> OBJECTS =
      Map.ofEntries(
          Map.entry("/worker/podSecurityContext", PodSecurityContext.class),
          Map.entry("/worker/containerSecurityContext", SecurityContext.class),
          Map.entry("/worker/resources", ResourceRequirements.class),
          Map.entry("/worker/affinity", Affinity.class),
          Map.entry("/worker/livenessProbe/config", Probe.class),
          Map.entry("/worker/initContainer/resources", ResourceRequirements.class),
          Map.entry("/worker/initContainer/containerSecurityContext", SecurityContext.class));

  private static final Map<String, Class<?>> LISTS =
      Map.of(
          "/worker/tolerations", Toleration.class,
          "/worker/extraContainers", Container.class,
          "/worker/initContainer/extraContainers", Container.class,
          "/worker/extraVolumes", Volume.class,
          "/worker/extraVolumeMounts", VolumeMount.class,
          "/worker/extraEnvVars", EnvVar.class);

  @Test
  @DisplayName("a quantity that does not parse is kept as written, not thrown")
  void unparsableQuantity() throws Exception {
    ResourceRequirements r =
        reader
            .read(JSON.readTree("{\"limits\": {\"cpu\": \"1 2\"}}"), ResourceRequirements.class)
            .orElseThrow();
    assertEquals("1 2", r.getLimits().get("cpu").toString());
  }

  @Test
  @DisplayName("every free-form value of the conformance corpus: the same object, or declined")
  void conformanceValues() {
    int read = 0;
    int declined = 0;
    for (ConformanceCase c : ConformanceCase.renderCases()) {
      JsonNode values = TestValues.load(c).tree();
      List<Object[]> inputs = new ArrayList<>();
      OBJECTS.forEach((pointer, type) -> inputs.add(new Object[] {values.at(pointer), type}));
      LISTS.forEach(
          (pointer, type) -> values.at(pointer).forEach(i -> inputs.add(new Object[] {i, type})));
      for (Object[] in : inputs) {
        JsonNode node = (JsonNode) in[0];
        if (node.isMissingNode() || node.isNull() || node.isEmpty() && !node.isValueNode()) {
          continue;
        }
        if (compare(c.name(), node, (Class<?>) in[1])) {
          read++;
        } else {
          declined++;
        }
      }
    }
    assertTrue(read > 100, "read " + read + ", declined " + declined);
  }

  @Test
  @DisplayName("reads the chart's defaults and typical overrides itself")
  void readsTypicalValues() throws JsonProcessingException {
    assertRead(
        "{\"runAsUser\": 1001, \"runAsNonRoot\": true, \"fsGroup\": 1001,"
            + " \"seccompProfile\": {\"type\": \"RuntimeDefault\"}}",
        PodSecurityContext.class);
    assertRead(
        "{\"requests\": {\"cpu\": \"100m\", \"memory\": \"256Mi\"}, \"limits\": {\"cpu\": 1}}",
        ResourceRequirements.class);
    assertRead(
        "{\"httpGet\": {\"path\": \"/health\", \"port\": 8080}, \"periodSeconds\": 10}",
        Probe.class);
    assertRead(
        "{\"name\": \"c\", \"image\": \"busybox\", \"args\": [\"a\", \"b\"],"
            + " \"ports\": [{\"containerPort\": 80, \"name\": \"http\"}],"
            + " \"env\": [{\"name\": \"A\", \"value\": \"1\"}]}",
        Container.class);
    assertRead("{\"minAvailable\": \"50%\"}", PodDisruptionBudgetSpec.class);
  }

  @Test
  @DisplayName("declines what Jackson would coerce, unknown fields, nulls and untyped fields")
  void declines() throws JsonProcessingException {
    for (String json :
        List.of(
            "{\"runAsUser\": \"1001\"}",
            "{\"runAsNonRoot\": \"true\"}",
            "{\"runAsUser\": 1.5}",
            "{\"futureField\": 1}",
            "{\"runAsUser\": null}",
            "{\"sysctls\": {\"name\": \"x\"}}",
            "{\"seLinuxOptions\": \"x\"}")) {
      JsonNode node = JSON.readTree(json);
      assertFalse(reader.read(node, PodSecurityContext.class).isPresent(), json);
    }
    JsonNode number = JSON.readTree("{\"name\": \"A\", \"value\": 1}");
    assertFalse(reader.read(number, EnvVar.class).isPresent());
  }

  private void assertRead(String json, Class<?> type) throws JsonProcessingException {
    assertTrue(compare("literal", JSON.readTree(json), type), json);
  }

  /** True when the reader read the value (and got Jackson's object); false when it declined. */
  private boolean compare(String name, JsonNode node, Class<?> type) {
    Optional<?> ours = reader.read(node, type);
    if (ours.isEmpty()) {
      return false;
    }
    Object jackson;
    try {
      jackson = JACKSON.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new AssertionError(name + ": Jackson refuses what the reader read: " + node, e);
    }
    assertEquals(jackson, ours.get(), name + ": " + node);
    return true;
  }
}
