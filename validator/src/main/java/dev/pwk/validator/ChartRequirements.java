package dev.pwk.validator;

/**
 * The chart's template-time {@code required} values (docs/chart-spec.md §4.10), which {@code helm
 * lint} never reports. Every failing one is reported, in the order the chart would meet them, with
 * the chart's exact wording.
 */
final class ChartRequirements implements Rule {
  static final String REQUIRED = "chart.required";
  static final String MSG_HOW_TO_SET = "chart.required.how-to-set";

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
      Location at = ctx.at(pointer);
      String message = Messages.format(REQUIRED + "." + which);
      if (at.kind() != Finding.Kind.FILE && !ctx.userWrote(pointer)) {
        // No file of the user's to point at, and a flag that set a neighbour would mislead: say
        // how to give the value instead.
        at = Location.NONE;
        message += Messages.format(MSG_HOW_TO_SET, ctx.display(pointer));
      }
      out.addText(REQUIRED, Severity.ERROR, pointer, at, message);
    }
  }
}
