package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("required values fail like the chart, first failure wins")
class RequiredValuesTest {

  private static RenderException fail(String... files) {
    LoadedValues values = TestValues.yaml(files);
    return assertThrows(
        RenderException.class,
        () -> Renderer.create().render(values, TestValues.options().build()));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "worker: {config: {workPool: ''}, cloudApiConfig: {accountId: a, workspaceId: w}}"
            + "|deployment.yaml:199:17|A Work Pool Name is required (worker.config.workPool)"
            + "|/worker/config/workPool",
        "worker: {config: {workPool: p}, cloudApiConfig: {workspaceId: w}}"
            + "|_helpers.tpl:79:86"
            + "|A Prefect Cloud Account ID is required (worker.cloudApiConfig.accountId)"
            + "|/worker/cloudApiConfig/accountId",
        "worker: {config: {workPool: p}, cloudApiConfig: {accountId: a}}"
            + "|_helpers.tpl:79:131"
            + "|A Prefect Cloud Workspace ID is required (worker.cloudApiConfig.workspaceId)"
            + "|/worker/cloudApiConfig/workspaceId",
        "worker: {apiConfig: customerManagedCloud, config: {workPool: p},"
            + " customerManagedCloudApiConfig: {accountId: a, workspaceId: w}}"
            + "|_helpers.tpl:81:47"
            + "|The Self-managed Cloud API URL is required"
            + " (worker.customerManagedCloudApiConfig.apiUrl)"
            + "|/worker/customerManagedCloudApiConfig/apiUrl",
        "worker: {apiConfig: customerManagedCloud, config: {workPool: p},"
            + " customerManagedCloudApiConfig: {apiUrl: u, workspaceId: w}}"
            + "|_helpers.tpl:81:95"
            + "|A Prefect Cloud Account ID is required"
            + " (worker.customerManagedCloudApiConfig.accountId)"
            + "|/worker/customerManagedCloudApiConfig/accountId",
        "worker: {apiConfig: customerManagedCloud, config: {workPool: p},"
            + " customerManagedCloudApiConfig: {apiUrl: u, accountId: a}}"
            + "|_helpers.tpl:81:146"
            + "|A Prefect Cloud Workspace ID is required"
            + " (worker.customerManagedCloudApiConfig.workspaceId)"
            + "|/worker/customerManagedCloudApiConfig/workspaceId",
        "worker: {apiConfig: selfHostedServer, config: {workPool: p}}"
            + "|_helpers.tpl:83:8"
            + "|The Prefect Server API URL is required (worker.selfHostedServerApiConfig.apiUrl)"
            + "|/worker/selfHostedServerApiConfig/apiUrl"
      })
  void eachMessage(String values, String position, String message, String pointer) {
    RenderException e = fail(values);
    assertEquals(
        "execution error at (prefect-worker/templates/" + position + "): " + message,
        e.getMessage());
    Finding f = e.findings().get(0);
    assertEquals("chart.required", f.ruleId());
    assertEquals(message, f.message());
    assertEquals(pointer, f.path());
  }

  @Test
  @DisplayName("the work pool comes first, before any API value")
  void workPoolFirst() {
    assertEquals(
        "A Work Pool Name is required (worker.config.workPool)",
        fail("worker: {apiConfig: customerManagedCloud}").findings().get(0).message());
  }

  @Test
  @DisplayName("with the base job template on, the init script's check is the one that fails")
  void workPoolInInitScript() {
    assertEquals(
        "execution error at (prefect-worker/templates/deployment.yaml:96:32):"
            + " A Work Pool Name is required (worker.config.workPool)",
        fail("worker: {config: {baseJobTemplate: {existingConfigMapName: b}}}").getMessage());
  }

  @Test
  @DisplayName("customer-managed cloud checks apiUrl, then accountId, then workspaceId")
  void customerManagedOrder() {
    assertEquals(
        "/worker/customerManagedCloudApiConfig/apiUrl",
        fail("worker: {apiConfig: customerManagedCloud, config: {workPool: p}}")
            .findings()
            .get(0)
            .path());
  }

  @Test
  @DisplayName("the finding points at the file and line that set the empty value")
  void origin() {
    RenderException e =
        fail(TestValues.REQUIRED, "worker:\n  cloudApiConfig:\n    accountId: \"\"\n");
    Finding f = e.findings().get(0);
    assertEquals(3, f.line());
    assertEquals(16, f.column());
  }

  @Test
  @DisplayName("zero and false pass required, like sprig's required")
  void onlyNullAndEmptyFail() {
    TestValues.render(
        TestValues.yaml(
            "worker: {config: {workPool: 0}, cloudApiConfig: {accountId: false, workspaceId: 0}}"));
  }
}
