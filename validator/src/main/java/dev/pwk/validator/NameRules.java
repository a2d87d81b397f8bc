package dev.pwk.validator;

import dev.pwk.values.Severity;
import dev.pwk.values.chart.ChartNames;
import dev.pwk.values.chart.ChartValue;
import dev.pwk.values.chart.ChartValues;
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

  private record Named(String pointer, K8sNames syntax) {
    Named(ChartValue value, K8sNames syntax) {
      this(value.pointer(), syntax);
    }
  }

  /** Values used verbatim as names. */
  private static List<Named> plain(ChartValues chart) {
    ChartValues.Worker worker = chart.worker();
    ChartValues.BaseJobTemplate template = worker.config().baseJobTemplate();
    ChartValues.ApiKeySecret cloudKey = worker.cloudApiConfig().apiKeySecret();
    ChartValues.ApiKeySecret cmcKey = worker.customerManagedCloudApiConfig().apiKeySecret();
    return List.of(
        new Named(chart.serviceAccount().name(), K8sNames.DNS_SUBDOMAIN),
        new Named(chart.role().namespace(), K8sNames.DNS_LABEL),
        new Named(template.name(), K8sNames.DNS_SUBDOMAIN),
        new Named(template.existingConfigMapName(), K8sNames.DNS_SUBDOMAIN),
        new Named(
            worker.selfHostedServerApiConfig().basicAuth().existingSecret(),
            K8sNames.DNS_SUBDOMAIN),
        new Named(cloudKey.name(), K8sNames.DNS_SUBDOMAIN),
        new Named(cloudKey.key(), K8sNames.CONFIG_KEY),
        new Named(cmcKey.name(), K8sNames.DNS_SUBDOMAIN),
        new Named(cmcKey.key(), K8sNames.CONFIG_KEY));
  }

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues chart = ctx.chart();
    // Overrides are cut to 63 bytes (one trailing dash trimmed) before use.
    checkCut(ctx, out, chart.fullnameOverride().pointer(), K8sNames.OBJECT_AND_LABEL);
    checkCut(ctx, out, chart.nameOverride().pointer(), K8sNames.LABEL_VALUE);
    checkCut(ctx, out, chart.namespaceOverride().pointer(), K8sNames.DNS_LABEL);
    if (!chart.fullnameOverride().truthy()) {
      checkGenerated(ctx, out);
    }
    for (Named n : plain(chart)) {
      String value = ctx.text(n.pointer());
      if (!value.isEmpty() && !n.syntax().accepts(value)) {
        invalid(ctx, out, n.pointer(), value, n.syntax());
      }
    }
    for (ChartValue secret : chart.worker().image().pullSecrets().items()) {
      String p = secret.pointer();
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
    String used = ChartNames.cut63(value);
    if (ChartNames.isCut(value)) {
      out.add(
          TRUNCATED,
          Severity.WARNING,
          pointer,
          ctx.at(pointer),
          ctx.display(pointer),
          ChartNames.utf8Length(value),
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
    ChartValues chart = ctx.chart();
    String generated = ctx.generatedFullname();
    String used = ChartNames.cut63(generated);
    String nameOverride = chart.nameOverride().pointer();
    String cause = ctx.truthy(nameOverride) ? nameOverride : chart.fullnameOverride().pointer();
    if (ChartNames.isCut(generated)) {
      out.addKeyed(
          TRUNCATED,
          TRUNCATED + ".generated",
          Severity.WARNING,
          cause,
          ctx.at(cause),
          generated,
          ChartNames.utf8Length(generated),
          used,
          ctx.release().name());
    }
    if (!K8sNames.OBJECT_AND_LABEL.accepts(used)
        && !(cause.equals(nameOverride)
            && !K8sNames.LABEL_VALUE.accepts(ChartNames.cut63(ctx.text(cause))))) {
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
