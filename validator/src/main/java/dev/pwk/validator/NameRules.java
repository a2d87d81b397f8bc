package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Severity;
import java.util.List;

/**
 * Names that end up as Kubernetes object names, namespaces or label values: the overrides as
 * written, and the fullname the chart generates from the release. Kubernetes rejects what these
 * flag, but {@code helm template} renders it, so they are warnings.
 */
final class NameRules implements Rule {
  static final String INVALID = "names.invalid";
  static final String TRUNCATED = "names.truncated";
  static final String GENERATED_INVALID = "names.generated-invalid";

  private record Named(String pointer, K8sNames syntax) {}

  /** Values used verbatim as names. */
  private static final List<Named> PLAIN =
      List.of(
          new Named("/serviceAccount/name", K8sNames.DNS_SUBDOMAIN),
          new Named("/role/namespace", K8sNames.DNS_LABEL),
          new Named("/worker/config/baseJobTemplate/name", K8sNames.DNS_SUBDOMAIN),
          new Named("/worker/config/baseJobTemplate/existingConfigMapName", K8sNames.DNS_SUBDOMAIN),
          new Named(
              "/worker/selfHostedServerApiConfig/basicAuth/existingSecret", K8sNames.DNS_SUBDOMAIN),
          new Named("/worker/cloudApiConfig/apiKeySecret/name", K8sNames.DNS_SUBDOMAIN),
          new Named("/worker/cloudApiConfig/apiKeySecret/key", K8sNames.CONFIG_KEY),
          new Named(
              "/worker/customerManagedCloudApiConfig/apiKeySecret/name", K8sNames.DNS_SUBDOMAIN),
          new Named("/worker/customerManagedCloudApiConfig/apiKeySecret/key", K8sNames.CONFIG_KEY));

  @Override
  public void check(LintContext ctx, Report out) {
    // Overrides are cut to 63 characters (one trailing dash trimmed) before use.
    checkCut(ctx, out, "/fullnameOverride", K8sNames.OBJECT_AND_LABEL);
    checkCut(ctx, out, "/nameOverride", K8sNames.LABEL_VALUE);
    checkCut(ctx, out, "/namespaceOverride", K8sNames.DNS_LABEL);
    if (!ctx.truthy("/fullnameOverride")) {
      checkGenerated(ctx, out);
    }
    for (Named n : PLAIN) {
      String value = ctx.text(n.pointer());
      if (!value.isEmpty() && !n.syntax().accepts(value)) {
        invalid(ctx, out, n.pointer(), value, n.syntax());
      }
    }
    JsonNode secrets = ctx.node("/worker/image/pullSecrets");
    for (int i = 0; i < secrets.size(); i++) {
      String p = Pointers.child("/worker/image/pullSecrets", i);
      String value = ctx.text(p);
      if (!value.isEmpty() && !K8sNames.DNS_SUBDOMAIN.accepts(value)) {
        invalid(ctx, out, p, value, K8sNames.DNS_SUBDOMAIN);
      }
    }
  }

  private static void checkCut(LintContext ctx, Report out, String pointer, K8sNames syntax) {
    String value = ctx.text(pointer);
    if (value.isEmpty()) {
      return;
    }
    String used = LintContext.cut63(value);
    if (value.length() > 63) {
      out.add(
          TRUNCATED,
          Severity.WARNING,
          pointer,
          ctx.at(pointer),
          ctx.display(pointer),
          value.length(),
          used);
    }
    if (!syntax.accepts(used)) {
      if (used.equals(value)) {
        invalid(ctx, out, pointer, used, syntax);
      } else {
        out.addKeyed(
            INVALID,
            INVALID + ".cut",
            Severity.WARNING,
            pointer,
            ctx.at(pointer),
            ctx.display(pointer),
            used,
            syntax.describe());
      }
    }
  }

  /** With fullnameOverride empty the chart builds the name from the release and nameOverride. */
  private static void checkGenerated(LintContext ctx, Report out) {
    String generated = ctx.generatedFullname();
    String used = LintContext.cut63(generated);
    String cause = ctx.truthy("/nameOverride") ? "/nameOverride" : "/fullnameOverride";
    if (generated.length() > 63) {
      out.addKeyed(
          TRUNCATED,
          TRUNCATED + ".generated",
          Severity.WARNING,
          cause,
          ctx.at(cause),
          generated,
          generated.length(),
          used,
          ctx.release().name());
    }
    if (!K8sNames.OBJECT_AND_LABEL.accepts(used)
        && !(cause.equals("/nameOverride")
            && !K8sNames.LABEL_VALUE.accepts(LintContext.cut63(ctx.text(cause))))) {
      out.add(
          GENERATED_INVALID,
          Severity.WARNING,
          cause,
          ctx.at(cause),
          used,
          ctx.release().name(),
          K8sNames.OBJECT_AND_LABEL.describe());
    }
  }

  private static void invalid(
      LintContext ctx, Report out, String pointer, String value, K8sNames syntax) {
    out.add(
        INVALID,
        Severity.WARNING,
        pointer,
        ctx.at(pointer),
        ctx.display(pointer),
        value,
        syntax.describe());
  }
}
