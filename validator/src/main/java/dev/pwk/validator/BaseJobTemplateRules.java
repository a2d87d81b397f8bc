package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Location;
import dev.pwk.values.Origin;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import dev.pwk.values.chart.ChartValues;
import dev.pwk.values.chart.GoTruth;
import java.util.Optional;

/**
 * {@code worker.config.baseJobTemplate}: the template the chart copies into its ConfigMap for the
 * init container to push to the work pool, checked as {@link JobTemplateValidator} checks a file.
 * Findings point inside the JSON: into the {@code --set-file} file, into a literal block or
 * one-line string in a values file, or at each key of a template written as a YAML map.
 *
 * <p>What only Prefect's API rejects (text that is not JSON, a missing or empty section, an
 * undeclared variable) is a warning here, not an error: the chart renders it and the API server
 * accepts the ConfigMap, so {@code pwk template} renders it too; Prefect rejects it when the worker
 * starts, and {@code pwk lint --strict} fails on it.
 */
final class BaseJobTemplateRules implements Rule {
  static final String INVALID_JSON = "base-job-template.invalid-json";
  static final String MSG_INVALID_JSON_AT = "base-job-template.invalid-json.at";
  static final String MSG_INVALID_JSON_NOT_OBJECT = "base-job-template.invalid-json.not-object";
  static final String BOTH_SET = "base-job-template.both-set";
  static final String NOT_CHECKED = "base-job-template.not-checked";

  /** The severity of what only Prefect's API rejects; see the class comment. */
  private static final Severity API_REJECTS = Severity.WARNING;

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues.BaseJobTemplate template = ctx.chart().worker().config().baseJobTemplate();
    String configuration = template.configuration().pointer();
    String existing = template.existingConfigMapName().pointer();
    JsonNode c = template.configuration().node();
    boolean generated = GoTruth.truthy(c);
    if (ctx.truthy(existing)) {
      if (generated) {
        out.add(
            BOTH_SET,
            Severity.INFO,
            existing,
            ctx.at(existing),
            ctx.display(existing),
            ctx.display(configuration));
      } else {
        out.add(
            NOT_CHECKED,
            Severity.INFO,
            existing,
            ctx.at(existing),
            ctx.display(existing),
            ctx.text(existing));
      }
    }
    if (c.isTextual() && !c.textValue().isBlank()) {
      checkText(ctx, out, configuration, c.textValue());
    } else if (c.isObject() && !c.isEmpty()) {
      JobTemplateCheck.check(c, new TemplateSite.Values(ctx, configuration), out, API_REJECTS);
    }
  }

  /** A template given as JSON text: a file's content (--set-file) or a string in the values. */
  private static void checkText(LintContext ctx, Report out, String configuration, String text) {
    Location valueAt = ctx.at(configuration);
    String file = valueAt.file();
    long rank = valueAt.rank();
    TemplateSite.PositionMap map = TemplateSite.PositionMap.none();
    Optional<Origin> origin = ctx.userOrigin(configuration);
    if (origin.isPresent() && origin.get().kind() == Origin.Kind.SET_FILE) {
      String argument = origin.get().flagArgument();
      String path = argument.substring(argument.indexOf('=') + 1);
      if (ctx.source(path).map(SourceText::text).filter(text::equals).isPresent()) {
        map = TemplateSite.PositionMap.identity();
        file = path;
        rank = ctx.rank(path);
      }
    } else if (origin.isPresent() && origin.get().kind() == Origin.Kind.FILE) {
      if (ctx.source(valueAt.file()).isPresent()) {
        Lines lines = ctx.lines(valueAt.file());
        map = YamlScalarPositions.of(lines, valueAt.line(), valueAt.column(), text);
      }
    }
    String subject = ctx.display(configuration);
    JsonText json;
    try {
      json = JsonText.parse(text);
    } catch (JsonText.SyntaxError e) {
      Optional<JsonText.Position> mapped = map.apply(e.at());
      if (mapped.isPresent()) {
        Location at = new Location(file, mapped.get().line(), mapped.get().column(), rank);
        out.add(INVALID_JSON, API_REJECTS, configuration, at, subject, e.getMessage());
      } else {
        out.addKeyed(
            INVALID_JSON,
            MSG_INVALID_JSON_AT,
            API_REJECTS,
            configuration,
            valueAt,
            subject,
            e.getMessage(),
            e.at().line(),
            e.at().column());
      }
      return;
    }
    TemplateSite site = new TemplateSite.Text(json, file, rank, map, valueAt, configuration);
    if (!json.root().isObject()) {
      out.addKeyed(
          INVALID_JSON,
          MSG_INVALID_JSON_NOT_OBJECT,
          API_REJECTS,
          configuration,
          site.at(""),
          subject,
          LintContext.typeName(json.root()));
      return;
    }
    JobTemplateCheck.check(json.root(), site, out, API_REJECTS);
  }
}
