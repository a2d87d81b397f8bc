package dev.pwk.renderer;

import dev.pwk.values.Finding;
import dev.pwk.values.chart.ApiMode;
import dev.pwk.values.chart.RequiredValue;
import java.util.List;
import java.util.Optional;

/**
 * The chart's {@code required} checks (docs/chart-spec.md §4.10, {@link RequiredValue}) and the
 * values they guard: the work pool name and the API URL. Helm stops at the first failing {@code
 * required} in template order, so the work pool comes first, then the parts of the API URL in the
 * order the helper reads them.
 *
 * @param workPool the work pool name
 * @param apiUrl {@code PREFECT_API_URL}
 */
record RequiredValues(String workPool, String apiUrl) {
  static final String RULE = "chart.required";

  static RequiredValues check(WorkerValues v, Names names, Problems problems)
      throws RenderException {
    List<RequiredValue> required = RequiredValue.checkedFor(v.chart());
    // The work pool is met (and printed) before the API URL's helper runs.
    require(v, required.get(0), names, problems);
    String workPool = v.text(v.workPool());
    Optional<ApiMode> mode = v.apiMode();
    for (RequiredValue r : required.subList(1, required.size())) {
      require(v, r, names, problems);
    }
    return new RequiredValues(workPool, mode.map(m -> apiUrl(v, m)).orElse(""));
  }

  private static String apiUrl(WorkerValues v, ApiMode mode) {
    return switch (mode) {
      // The chart's printf "%s/accounts/..." prints a null cloudUrl as %!s(<nil>).
      case CLOUD ->
          (v.cloudUrl().isNull() ? GoValues.NIL_AS_S : v.text(v.cloudUrl())) + accountPath(v, mode);
      case CUSTOMER_MANAGED_CLOUD -> v.text(v.customerManagedApiUrl()) + accountPath(v, mode);
      case SELF_HOSTED_SERVER -> v.text(v.selfHostedApiUrl());
    };
  }

  /** {@code /accounts/<accountId>/workspaces/<workspaceId>} of a cloud mode. */
  private static String accountPath(WorkerValues v, ApiMode mode) {
    WorkerValues.CloudMode m = v.cloudMode(mode).orElseThrow();
    return "/accounts/" + v.text(m.accountId()) + "/workspaces/" + v.text(m.workspaceId());
  }

  /** Sprig's {@code required}, failing as Helm does: with the chart's message, at its position. */
  private static void require(WorkerValues v, RequiredValue r, Names names, Problems problems)
      throws RenderException {
    if (r.isMissingIn(v.chart())) {
      String text = r.message();
      Finding f = problems.finding(r.in(v.chart()).pointer(), false, RULE, text);
      String position = r.templatePosition(names.baseJobTemplateOn());
      throw new RenderException(Messages.get("chart.required.helm", position, text), List.of(f));
    }
  }
}
