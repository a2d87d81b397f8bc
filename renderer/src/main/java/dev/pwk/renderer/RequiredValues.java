package dev.pwk.renderer;

import dev.pwk.validator.Finding;
import java.util.List;

/**
 * The chart's {@code required} checks (§4.10) and the values they guard: the work pool name and the
 * API URL. Helm stops at the first failing {@code required} in template order, so the work pool
 * comes first, then the parts of the API URL in the order the helper reads them.
 *
 * @param workPool the work pool name
 * @param apiUrl {@code PREFECT_API_URL}
 */
record RequiredValues(String workPool, String apiUrl) {
  static final String RULE = "chart.required";

  /** Upstream template positions, so a failure reads exactly like Helm's. */
  private static final String POOL_IN_INIT_SCRIPT = "deployment.yaml:96:32";

  private static final String POOL_IN_ARGS = "deployment.yaml:199:17";

  static RequiredValues check(WorkerValues v, Names names, Problems problems)
      throws RenderException {
    Value pool = v.workPool();
    require(
        pool,
        names.baseJobTemplateOn() ? POOL_IN_INIT_SCRIPT : POOL_IN_ARGS,
        "chart.required.workPool",
        problems);
    return new RequiredValues(v.text(pool), apiUrl(v, problems));
  }

  private static String apiUrl(WorkerValues v, Problems problems) throws RenderException {
    String mode = v.apiConfig();
    WorkerValues.ApiMode m = v.mode(mode);
    switch (mode) {
      case WorkerValues.API_CLOUD -> {
        require(m.accountId(), "_helpers.tpl:79:86", "chart.required.cloudAccountId", problems);
        require(
            m.workspaceId(), "_helpers.tpl:79:131", "chart.required.cloudWorkspaceId", problems);
        // The chart's printf "%s/accounts/..." prints a null cloudUrl as %!s(<nil>).
        Value cloudUrl = m.cloudUrl();
        return (cloudUrl.isNull() ? GoValues.NIL_AS_S : v.text(cloudUrl))
            + "/accounts/"
            + v.text(m.accountId())
            + "/workspaces/"
            + v.text(m.workspaceId());
      }
      case WorkerValues.API_CUSTOMER_MANAGED -> {
        require(m.apiUrl(), "_helpers.tpl:81:47", "chart.required.customerManagedApiUrl", problems);
        require(
            m.accountId(),
            "_helpers.tpl:81:95",
            "chart.required.customerManagedAccountId",
            problems);
        require(
            m.workspaceId(),
            "_helpers.tpl:81:146",
            "chart.required.customerManagedWorkspaceId",
            problems);
        return v.text(m.apiUrl())
            + "/accounts/"
            + v.text(m.accountId())
            + "/workspaces/"
            + v.text(m.workspaceId());
      }
      case WorkerValues.API_SELF_HOSTED -> {
        require(m.apiUrl(), "_helpers.tpl:83:8", "chart.required.selfHostedApiUrl", problems);
        return v.text(m.apiUrl());
      }
      default -> {
        return "";
      }
    }
  }

  /** Sprig's {@code required}: fails on null (or absent) and on the empty string only. */
  private static void require(Value value, String position, String messageKey, Problems problems)
      throws RenderException {
    boolean missing =
        value.isNull() || (value.node().isTextual() && value.node().textValue().isEmpty());
    if (missing) {
      String text = Messages.get(messageKey);
      Finding f = problems.finding(value.pointer(), false, RULE, text);
      throw new RenderException(Messages.get("chart.required.helm", position, text), List.of(f));
    }
  }
}
