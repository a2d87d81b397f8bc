package dev.pwk.validator;

/**
 * The chart's template-time {@code required} values (spec §4.10), which {@code helm lint} never
 * reports. Every failing one is reported, in the order the chart would meet them, with the chart's
 * exact wording.
 */
final class ChartRequirements implements Rule {
  static final String REQUIRED = "chart.required";

  private static final String CLOUD = "/worker/cloudApiConfig";
  private static final String CMC = "/worker/customerManagedCloudApiConfig";
  private static final String SHS = "/worker/selfHostedServerApiConfig";

  @Override
  public void check(LintContext ctx, Report out) {
    require(ctx, out, "/worker/config/workPool", "workPool");
    switch (ctx.text("/worker/apiConfig")) {
      case "cloud" -> {
        require(ctx, out, CLOUD + "/accountId", "cloud.accountId");
        require(ctx, out, CLOUD + "/workspaceId", "cloud.workspaceId");
      }
      case "customerManagedCloud" -> {
        require(ctx, out, CMC + "/apiUrl", "cmc.apiUrl");
        require(ctx, out, CMC + "/accountId", "cmc.accountId");
        require(ctx, out, CMC + "/workspaceId", "cmc.workspaceId");
      }
      case "selfHostedServer" -> require(ctx, out, SHS + "/apiUrl", "shs.apiUrl");
      default -> {
        // an invalid apiConfig is a schema finding; the chart would stop before these checks
      }
    }
  }

  /** Sprig's {@code required} fails for a missing or null value and for an empty string. */
  private static void require(LintContext ctx, Report out, String pointer, String which) {
    var n = ctx.node(pointer);
    if (n.isMissingNode() || n.isNull() || (n.isTextual() && n.textValue().isEmpty())) {
      out.addKeyed(REQUIRED, REQUIRED + "." + which, Severity.ERROR, pointer, ctx.at(pointer));
    }
  }
}
