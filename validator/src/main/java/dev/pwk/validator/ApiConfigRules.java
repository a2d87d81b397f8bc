package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The API connection: settings of inactive modes, URL shape and API-key propagation. */
final class ApiConfigRules implements Rule {
  static final String INACTIVE = "api-config.inactive";
  static final String TRAILING_SLASH = "api-config.trailing-slash";
  static final String URL_SCHEME = "api-config.url-scheme";
  static final String KEY_AS_ENV_VAR = "api-config.key-as-env-var";

  private static final Map<String, String> BLOCKS =
      Map.of(
          "cloud", "/worker/cloudApiConfig",
          "customerManagedCloud", "/worker/customerManagedCloudApiConfig",
          "selfHostedServer", "/worker/selfHostedServerApiConfig");

  /** basicAuth is honoured in every mode, so it is never inactive. */
  private static final String BASIC_AUTH = "/worker/selfHostedServerApiConfig/basicAuth";

  @Override
  public void check(LintContext ctx, Report out) {
    String mode = ctx.text("/worker/apiConfig");
    String active = BLOCKS.get(mode);
    if (active == null) {
      return; // the schema reports an unknown mode
    }
    for (String block :
        List.of(
            "/worker/cloudApiConfig",
            "/worker/customerManagedCloudApiConfig",
            "/worker/selfHostedServerApiConfig")) {
      if (!block.equals(active)) {
        checkInactive(ctx, out, block, mode);
      }
    }
    switch (mode) {
      case "cloud" -> url(ctx, out, active + "/cloudUrl", true);
      case "customerManagedCloud" -> {
        url(ctx, out, active + "/apiUrl", true);
        url(ctx, out, active + "/cloudApiUrl", false);
        url(ctx, out, active + "/cloudUiUrl", false);
      }
      default -> url(ctx, out, active + "/apiUrl", false);
    }
    String propagation = active + "/jobApiKeyPropagation";
    if (ctx.text(propagation).equals("envVar")) {
      out.add(
          KEY_AS_ENV_VAR,
          Severity.INFO,
          propagation,
          ctx.at(propagation),
          ctx.display(propagation));
    }
  }

  private static void checkInactive(LintContext ctx, Report out, String block, String mode) {
    List<String> set = new ArrayList<>();
    collect(ctx.userTree().at(block), block, set);
    set.removeIf(p -> Pointers.isAtOrBelow(p, BASIC_AUTH));
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
