package dev.pwk.values.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RequiredValue: the chart's required values, in the order its templates meet them")
class RequiredValueTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static ChartValues values(String yaml) throws Exception {
    return ChartValues.of(YAML.readTree(yaml));
  }

  @Test
  @DisplayName("the work pool, then the parts of the API URL of the mode apiConfig names")
  void orderByMode() throws Exception {
    assertEquals(
        List.of(
            RequiredValue.WORK_POOL,
            RequiredValue.CLOUD_ACCOUNT_ID,
            RequiredValue.CLOUD_WORKSPACE_ID),
        RequiredValue.checkedFor(values("worker: {apiConfig: cloud}")));
    assertEquals(
        List.of(
            RequiredValue.WORK_POOL,
            RequiredValue.CUSTOMER_MANAGED_API_URL,
            RequiredValue.CUSTOMER_MANAGED_ACCOUNT_ID,
            RequiredValue.CUSTOMER_MANAGED_WORKSPACE_ID),
        RequiredValue.checkedFor(values("worker: {apiConfig: customerManagedCloud}")));
    assertEquals(
        List.of(RequiredValue.WORK_POOL, RequiredValue.SELF_HOSTED_API_URL),
        RequiredValue.checkedFor(values("worker: {apiConfig: selfHostedServer}")));
    assertEquals(
        List.of(RequiredValue.WORK_POOL),
        RequiredValue.checkedFor(values("worker: {apiConfig: x}")));
  }

  @Test
  @DisplayName("Sprig's required fails on absent, null and \"\" only")
  void sprigRequired() throws Exception {
    RequiredValue pool = RequiredValue.WORK_POOL;
    assertTrue(pool.isMissingIn(values("worker: {}")));
    assertTrue(pool.isMissingIn(values("worker: {config: {workPool: null}}")));
    assertTrue(pool.isMissingIn(values("worker: {config: {workPool: ''}}")));
    assertFalse(pool.isMissingIn(values("worker: {config: {workPool: ' '}}")));
    assertFalse(pool.isMissingIn(values("worker: {config: {workPool: 0}}")));
    assertFalse(pool.isMissingIn(values("worker: {config: {workPool: false}}")));
    assertEquals("/worker/config/workPool", pool.in(values("{}")).pointer());
  }

  @Test
  @DisplayName("messages and template positions read like Helm's")
  void wording() {
    assertEquals(
        "A Work Pool Name is required (worker.config.workPool)", RequiredValue.WORK_POOL.message());
    assertEquals(
        "The Self-managed Cloud API URL is required (worker.customerManagedCloudApiConfig.apiUrl)",
        RequiredValue.CUSTOMER_MANAGED_API_URL.message());
    assertEquals("deployment.yaml:96:32", RequiredValue.WORK_POOL.templatePosition(true));
    assertEquals("deployment.yaml:199:17", RequiredValue.WORK_POOL.templatePosition(false));
    assertEquals("_helpers.tpl:83:8", RequiredValue.SELF_HOSTED_API_URL.templatePosition(true));
  }
}
