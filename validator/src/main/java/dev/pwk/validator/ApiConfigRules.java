package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Severity;
import dev.pwk.values.chart.ApiMode;
import dev.pwk.values.chart.ChartValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The API connection: settings of inactive modes, URL shape and API-key propagation. */
final class ApiConfigRules implements Rule {
  static final String INACTIVE = "api-config.inactive";
  static final String TRAILING_SLASH = "api-config.trailing-slash";
  static final String URL_SCHEME = "api-config.url-scheme";
  static final String KEY_AS_ENV_VAR = "api-config.key-as-env-var";

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues.Worker worker = ctx.chart().worker();
    Optional<ApiMode> active = ApiMode.named(worker.apiConfig().text());
    if (active.isEmpty()) {
      return; // the schema reports an unknown mode
    }
    ApiMode mode = active.get();
    // basicAuth is honoured in every mode, so it is never inactive.
    String basicAuth = worker.selfHostedServerApiConfig().basicAuth().value().pointer();
    for (ApiMode other : ApiMode.values()) {
      if (other != mode) {
        checkInactive(ctx, out, worker.apiConfigBlock(other).pointer(), mode.value(), basicAuth);
      }
    }
    switch (mode) {
      case CLOUD -> url(ctx, out, worker.cloudApiConfig().cloudUrl().pointer(), true);
      case CUSTOMER_MANAGED_CLOUD -> {
        ChartValues.CustomerManagedCloudApiConfig cmc = worker.customerManagedCloudApiConfig();
        url(ctx, out, cmc.apiUrl().pointer(), true);
        url(ctx, out, cmc.cloudApiUrl().pointer(), false);
        url(ctx, out, cmc.cloudUiUrl().pointer(), false);
      }
      case SELF_HOSTED_SERVER ->
          url(ctx, out, worker.selfHostedServerApiConfig().apiUrl().pointer(), false);
    }
    Optional<ChartValues.CloudSettings> cloud = worker.cloudSettings(mode);
    if (cloud.isEmpty()) {
      return;
    }
    String propagation = cloud.get().jobApiKeyPropagation().pointer();
    if (ctx.text(propagation).equals("envVar")) {
      out.add(
          KEY_AS_ENV_VAR,
          Severity.INFO,
          propagation,
          ctx.at(propagation),
          ctx.display(propagation));
    }
  }

  private static void checkInactive(
      LintContext ctx, Report out, String block, String mode, String basicAuth) {
    List<String> set = new ArrayList<>();
    collect(ctx.userTree().at(block), block, set);
    set.removeIf(p -> Pointers.isAtOrBelow(p, basicAuth));
    if (!set.isEmpty()) {
      List<String> shown = set.stream().map(ctx::display).toList();
      out.add(
          INACTIVE,
          Severity.INFO,
          block,
          ctx.atKey(block),
          ctx.display(block),
          mode,
          String.join(", ", shown));
    }
  }

  private static void collect(JsonNode n, String pointer, List<String> into) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        collect(e.getValue(), Pointers.child(pointer, e.getKey()), into);
      }
    } else if (!n.isMissingNode() && !n.isNull()) {
      into.add(pointer);
    }
  }

  /** A URL the chart uses: http(s), and (when {@code /accounts/...} is appended) no final slash. */
  private static void url(LintContext ctx, Report out, String p, boolean appended) {
    String url = ctx.text(p);
    if (url.isEmpty() || url.contains("{{")) {
      return;
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      out.add(URL_SCHEME, Severity.WARNING, p, ctx.at(p), ctx.display(p), ctx.show(p, ctx.node(p)));
    } else if (appended && url.endsWith("/")) {
      out.add(
          TRAILING_SLASH, Severity.WARNING, p, ctx.at(p), ctx.display(p), ctx.show(p, ctx.node(p)));
    }
  }
}
