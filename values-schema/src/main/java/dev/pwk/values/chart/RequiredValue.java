package dev.pwk.values.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The values the chart's templates demand with Sprig's {@code required}, with the chart's own
 * wording and where its templates ask, so that a failure reads exactly like Helm's. {@code helm
 * lint} never reports them; {@code helm template} stops at the first one missing.
 */
public enum RequiredValue {
  WORK_POOL(
      v -> v.worker().config().workPool(),
      "A Work Pool Name is required (worker.config.workPool)",
      "deployment.yaml:199:17"),
  CLOUD_ACCOUNT_ID(
      v -> v.worker().cloudApiConfig().accountId(),
      "A Prefect Cloud Account ID is required (worker.cloudApiConfig.accountId)",
      "_helpers.tpl:79:86"),
  CLOUD_WORKSPACE_ID(
      v -> v.worker().cloudApiConfig().workspaceId(),
      "A Prefect Cloud Workspace ID is required (worker.cloudApiConfig.workspaceId)",
      "_helpers.tpl:79:131"),
  CUSTOMER_MANAGED_API_URL(
      v -> v.worker().customerManagedCloudApiConfig().apiUrl(),
      "The Self-managed Cloud API URL is required (worker.customerManagedCloudApiConfig.apiUrl)",
      "_helpers.tpl:81:47"),
  CUSTOMER_MANAGED_ACCOUNT_ID(
      v -> v.worker().customerManagedCloudApiConfig().accountId(),
      "A Prefect Cloud Account ID is required (worker.customerManagedCloudApiConfig.accountId)",
      "_helpers.tpl:81:95"),
  CUSTOMER_MANAGED_WORKSPACE_ID(
      v -> v.worker().customerManagedCloudApiConfig().workspaceId(),
      "A Prefect Cloud Workspace ID is required"
          + " (worker.customerManagedCloudApiConfig.workspaceId)",
      "_helpers.tpl:81:146"),
  SELF_HOSTED_API_URL(
      v -> v.worker().selfHostedServerApiConfig().apiUrl(),
      "The Prefect Server API URL is required (worker.selfHostedServerApiConfig.apiUrl)",
      "_helpers.tpl:83:8");

  /** The work pool's {@code required} in the init container's script, met before the args'. */
  private static final String WORK_POOL_IN_INIT_SCRIPT = "deployment.yaml:96:32";

  private final Function<ChartValues, ChartValue> value;
  private final String message;
  private final String templatePosition;

  RequiredValue(Function<ChartValues, ChartValue> value, String message, String position) {
    this.value = value;
    this.message = message;
    this.templatePosition = position;
  }

  /**
   * The required values the chart checks for these values, in the order its templates meet them:
   * the work pool, then the parts of the API URL of the mode {@code worker.apiConfig} names (none
   * for an unknown mode, which the schema rejects first).
   */
  public static List<RequiredValue> checkedFor(ChartValues values) {
    List<RequiredValue> out = new ArrayList<>(List.of(WORK_POOL));
    ApiMode.named(values.worker().apiConfig().text())
        .ifPresent(
            mode ->
                out.addAll(
                    switch (mode) {
                      case CLOUD -> List.of(CLOUD_ACCOUNT_ID, CLOUD_WORKSPACE_ID);
                      case CUSTOMER_MANAGED_CLOUD ->
                          List.of(
                              CUSTOMER_MANAGED_API_URL,
                              CUSTOMER_MANAGED_ACCOUNT_ID,
                              CUSTOMER_MANAGED_WORKSPACE_ID);
                      case SELF_HOSTED_SERVER -> List.of(SELF_HOSTED_API_URL);
                    }));
    return out;
  }

  /** The value this requirement is about. */
  public ChartValue in(ChartValues values) {
    return value.apply(values);
  }

  /** Sprig's {@code required}: fails on null (or absent) and on the empty string only. */
  public boolean isMissingIn(ChartValues values) {
    ChartValue v = in(values);
    return !v.isSet() || (v.node().isTextual() && v.node().textValue().isEmpty());
  }

  /** The chart's message, exactly as Helm prints it. */
  public String message() {
    return message;
  }

  /**
   * Where the chart's template calls {@code required}, as Helm's error names it ({@code
   * deployment.yaml:199:17}); the work pool is met first in the init container's script when the
   * base job template is on.
   */
  public String templatePosition(boolean baseJobTemplateOn) {
    return this == WORK_POOL && baseJobTemplateOn ? WORK_POOL_IN_INIT_SCRIPT : templatePosition;
  }
}
