package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pwk.values.testing.ConformanceCase;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The model writer prints what Jackson's data binding prints, byte for byte")
class ModelWriterTest {
  /** Jackson with the writer's YAML style and property orders: what pwk printed before. */
  private static final ObjectMapper JACKSON = YamlWriter.Jackson.mapper();

  static Stream<ConformanceCase> renderCases() {
    return ConformanceCase.renderedCases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renderCases")
  @DisplayName("every object of every conformance case")
  void conformanceCases(ConformanceCase c) throws JsonProcessingException {
    Rendering r = TestValues.render(TestValues.load(c), TestValues.options(c));
    for (RenderedObject o : r.objects()) {
      assertSame(o.object());
    }
  }

  @Test
  @DisplayName("unknown fields of every JSON type, nested, with nulls, after the known ones")
  void unknownFields() throws JsonProcessingException {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("b", null);
    nested.put("a", List.of(1, "two", 3.5, true));
    List<Object> items = new ArrayList<>();
    items.add(null);
    items.add(Map.of("k", "v"));
    HasMetadata pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .addToLabels("z", "1")
            .addToLabels("a", "yes")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withArgs("--x", "")
            .withNewResources()
            .addToLimits("cpu", new Quantity("500", "m"))
            .addToRequests("memory", new Quantity("1Gi"))
            .endResources()
            .withNewLivenessProbe()
            .withNewHttpGet()
            .withPort(new IntOrString(8080))
            .withPath("/health")
            .endHttpGet()
            .endLivenessProbe()
            .withNewReadinessProbe()
            .withNewTcpSocket()
            .withPort(new IntOrString("http"))
            .endTcpSocket()
            .endReadinessProbe()
            .endContainer()
            .addNewVolume()
            .withName("tmp")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .addToAdditionalProperties("zeta", nested)
            .addToAdditionalProperties("alpha", items)
            .addToAdditionalProperties("big", new BigInteger("123456789012345678901234567890"))
            .addToAdditionalProperties("dec", new BigDecimal("1.50"))
            .addToAdditionalProperties("long", 7L)
            .addToAdditionalProperties("nothing", null)
            .endSpec()
            .build();
    assertSame(pod);
  }

  @Test
  @DisplayName("strings YAML 1.1 would read as something else, and empty maps and lists")
  void quotingAndEmpties() throws JsonProcessingException {
    HasMetadata cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("on")
            .withAnnotations(Map.of())
            .endMetadata()
            .addToData("yes", "no")
            .addToData("n", "0x1F")
            .addToData("multi", "line one\nline two\n")
            .addToData("empty", "")
            .build();
    assertSame(cm);
    Service service = new ServiceBuilder().withNewMetadata().withName("s").endMetadata().build();
    assertSame(service);
  }

  @Test
  @DisplayName("a value of a type it does not know is written by Jackson, not guessed at")
  void unknownTypesGoToJackson() throws JsonProcessingException {
    HasMetadata cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("x")
            .endMetadata()
            .addToAdditionalProperties("odd", new StringBuilder("text"))
            .build();
    assertThrows(
        ModelWriter.Unsupported.class,
        () ->
            new ModelWriter(Map.of())
                .write(YamlWriter.newFactory().createGenerator(new StringWriter()), cm));
    assertSame(cm);
  }

  @Test
  @DisplayName("the base job template's compact JSON is what an ObjectMapper printed, keys sorted")
  void compactJson() throws JsonProcessingException {
    ObjectMapper json = new ObjectMapper();
    String sorted =
        "{\"a\":[1,-2,3000000000,12345678901234567890123,2.5,1.0E-7,true,false,null,"
            + "\"x\\\"y\\n\u00e9\"],\"b\":{\"c\":{},\"d\":[]},\"e\":0.125}";
    JsonNode node = json.readTree(sorted);
    assertEquals(json.writeValueAsString(node), ConfigMapManifest.compactSortedJson(node));
    JsonNode unsorted = json.readTree("{\"z\":1.0,\"a\":{\"y\":2,\"b\":-3.0}}");
    assertEquals(
        "{\"a\":{\"b\":-3,\"y\":2},\"z\":1}", ConfigMapManifest.compactSortedJson(unsorted));
  }

  private static void assertSame(Object model) throws JsonProcessingException {
    assertEquals(JACKSON.writeValueAsString(model), YamlWriter.shared().write(model));
  }
}
