package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Keys and values renamed or removed in past chart releases (UPGRADING.md, spec §7). A hint
 * replaces the plain unknown-key or enum finding for them.
 */
final class Migrations {
  static final String RENAMED = "values.renamed";
  static final String MSG_RENAMED_VALUE = "values.renamed.value";
  static final String MSG_REMOVED_UI_URL = "values.renamed.ui-url";
  static final String MSG_REMOVED_UI_URL_CMC = "values.renamed.ui-url-cmc";

  private static final String RELEASE_2025_3 = "2025.3.7033449";
  private static final String RELEASE_2025_1 = "2025.1.28020410";

  /**
   * A migration hint: the message key, the new dotted path (empty when removed) and the release
   * after which the old form stopped working.
   */
  record Hint(String messageKey, String replacement, String release) {}

  private static final Map<String, Hint> KEYS =
      Map.of(
          "/worker/basicAuth",
          new Hint(RENAMED, "worker.selfHostedServerApiConfig.basicAuth", RELEASE_2025_3),
          "/worker/serverApiConfig",
          new Hint(RENAMED, "worker.selfHostedServerApiConfig", RELEASE_2025_3),
          "/worker/selfHostedCloudApiConfig",
          new Hint(RENAMED, "worker.customerManagedCloudApiConfig", RELEASE_2025_1),
          "/worker/serverApiConfig/uiUrl",
          new Hint(MSG_REMOVED_UI_URL, "", RELEASE_2025_3),
          "/worker/selfHostedServerApiConfig/uiUrl",
          new Hint(MSG_REMOVED_UI_URL, "", RELEASE_2025_3),
          "/worker/selfHostedCloudApiConfig/uiUrl",
          new Hint(MSG_REMOVED_UI_URL_CMC, "", RELEASE_2025_3),
          "/worker/customerManagedCloudApiConfig/uiUrl",
          new Hint(MSG_REMOVED_UI_URL_CMC, "", RELEASE_2025_3));

  private static final Map<String, String> API_CONFIG_VALUES =
      Map.of("server", "selfHostedServer", "selfManaged", "customerManagedCloud");

  private Migrations() {}

  static Optional<Hint> forKey(String pointer) {
    return Optional.ofNullable(KEYS.get(pointer));
  }

  /** Hints for keys below {@code pointer}, which the schema does not visit once it fails. */
  static Map<String, Hint> below(String pointer) {
    Map<String, Hint> out = new java.util.TreeMap<>();
    KEYS.forEach(
        (k, v) -> {
          if (k.startsWith(pointer + "/")) {
            out.put(k, v);
          }
        });
    return out;
  }

  static Optional<Hint> forValue(String pointer, JsonNode value) {
    if (!pointer.equals("/worker/apiConfig") || !value.isTextual()) {
      return Optional.empty();
    }
    String renamed = API_CONFIG_VALUES.get(value.textValue());
    return renamed == null
        ? Optional.empty()
        : Optional.of(new Hint(MSG_RENAMED_VALUE, renamed, RELEASE_2025_3));
  }

  /** Reports a hint for the key or value at {@code pointer}. */
  static void report(LintContext ctx, Report out, String pointer, Hint hint, Location at) {
    out.addKeyed(
        RENAMED,
        hint.messageKey(),
        Severity.ERROR,
        pointer,
        at,
        ctx.display(pointer),
        hint.replacement(),
        hint.release(),
        ctx.show(pointer, ctx.node(pointer)));
  }
}
