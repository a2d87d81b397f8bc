package dev.pwk.values.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pwk.values.ValuesContract;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ChartValues reads the chart's values and names their pointers")
class ChartValuesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static ChartValues defaults() throws Exception {
    return ChartValues.of(YAML.readTree(ValuesContract.defaultValuesYaml()));
  }

  @Test
  @DisplayName("an accessor gives the merged value and its JSON pointer")
  void valueAndPointer() throws Exception {
    ChartValues v = defaults();
    ChartValue repository = v.worker().image().repository();
    assertEquals("/worker/image/repository", repository.pointer());
    assertEquals("prefecthq/prefect", repository.text());
    assertEquals(
        "/worker/config/baseJobTemplate/existingConfigMapName",
        v.worker().config().baseJobTemplate().existingConfigMapName().pointer());
    assertEquals(
        "/worker/selfHostedServerApiConfig/basicAuth/authString",
        v.worker().selfHostedServerApiConfig().basicAuth().authString().pointer());
    assertTrue(v.serviceAccount().create().isTrue());
    assertFalse(v.worker().config().name().isSet());
  }

  @Test
  @DisplayName("a mode's block is the one worker.apiConfig names")
  void apiModes() throws Exception {
    ChartValues v = defaults();
    assertEquals(ApiMode.CLOUD, ApiMode.named(v.worker().apiConfig().text()).orElseThrow());
    assertEquals(
        "/worker/customerManagedCloudApiConfig",
        v.worker().apiConfigBlock(ApiMode.CUSTOMER_MANAGED_CLOUD).pointer());
    assertEquals(
        "/worker/customerManagedCloudApiConfig/apiKeySecret/key",
        v.worker()
            .cloudSettings(ApiMode.CUSTOMER_MANAGED_CLOUD)
            .orElseThrow()
            .apiKeySecret()
            .key()
            .pointer());
    assertTrue(v.worker().cloudSettings(ApiMode.SELF_HOSTED_SERVER).isEmpty());
    assertTrue(ApiMode.named("Cloud").isEmpty());
    assertTrue(ApiMode.CUSTOMER_MANAGED_CLOUD.isCloud());
    assertFalse(ApiMode.SELF_HOSTED_SERVER.isCloud());
  }

  @Test
  @DisplayName("keys with / or ~ are escaped in pointers; list items get their index")
  void escapingAndItems() throws Exception {
    ChartValue labels =
        ChartValues.of(YAML.readTree("commonLabels: {a/b~c: x}\nworker: {args: [p, q]}\n"))
            .commonLabels();
    assertEquals("/commonLabels/a~1b~0c", labels.child("a/b~c").pointer());
    assertEquals("x", labels.child("a/b~c").text());
    List<ChartValue> args =
        ChartValues.of(YAML.readTree("worker: {args: [p, q]}")).worker().args().items();
    assertEquals(
        List.of("/worker/args/0", "/worker/args/1"),
        args.stream().map(ChartValue::pointer).toList());
    assertEquals("q", args.get(1).text());
  }

  /**
   * Every accessor, reached from the root, names a key of the chart's schema: a typo or a key a
   * chart release dropped fails here instead of reading as absent.
   */
  @Test
  @DisplayName("every accessor's pointer is a key the chart's schema declares")
  void everyAccessorIsInTheSchema() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(ValuesContract.schemaJson());
    TreeSet<String> pointers = new TreeSet<>();
    collect(defaults(), pointers);
    assertTrue(pointers.size() > 80, () -> "too few accessors reached: " + pointers);
    for (String pointer : pointers) {
      JsonNode s = schema;
      for (String key : pointer.substring(1).split("/")) {
        s = s.path("properties").path(key.replace("~1", "/").replace("~0", "~"));
        if (s.isMissingNode()) {
          fail(pointer + " is not in the chart's schema");
        }
      }
    }
  }

  /** Calls every public no-argument accessor of a view and collects the pointers reached. */
  private static void collect(Object view, TreeSet<String> into) throws Exception {
    for (Method m : view.getClass().getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() > 0
          || m.getDeclaringClass() == Object.class
          || m.getName().equals("value")
          || m.getName().equals("root")
          || m.getName().equals("hashCode")
          || m.getName().equals("toString")) {
        continue;
      }
      Object result = m.invoke(view);
      if (result instanceof ChartValue v) {
        into.add(v.pointer());
      } else if (result instanceof List<?> list) {
        for (Object item : list) {
          into.add(((ChartValue) item).pointer());
        }
      } else if (result.getClass().getEnclosingClass() == ChartValues.class) {
        into.add(((ChartValue) result.getClass().getMethod("value").invoke(result)).pointer());
        collect(result, into);
      } else {
        fail(m + " returns neither a value nor a view: " + result);
      }
    }
  }
}
