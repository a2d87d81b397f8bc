package dev.pwk.docs;

import dev.pwk.docs.ValueRows.Row;
import dev.pwk.values.ChartInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in templates of helm-docs 1.14.2, each producing what helm-docs' own definition
 * produces (before its final Markdown clean-up). Templates that helm-docs builds from others call
 * them by name, so that a template the README defines under the same name takes their place, as in
 * helm-docs.
 *
 * <p>Not supported: {@code chart.valueDefaultColumnRender}, which helm-docs calls for each row of
 * {@code chart.valuesTableHtml} with the row as data, cannot be called or redefined by a template;
 * badges use helm-docs' default style, {@code flat-square}.
 */
final class HelmDocsTemplates {
  static final String HELM_DOCS_VERSION = "1.14.2";

  /** The template of one row's default in {@code chart.valuesTableHtml}. */
  static final String ROW_DEFAULT_TEMPLATE = "chart.valueDefaultColumnRender";

  private static final String BADGE_STYLE = "flat-square";

  /** What a template sees: the chart metadata and the sorted Values rows. */
  record Data(ChartInfo chart, List<Row> values) {}

  /** A running template: its data, and the other templates by name. */
  interface Context {
    Data data();

    /** The output of the named template, the README's own definition if it has one. */
    String template(String name);
  }

  private static final Map<String, Function<Context, String>> TEMPLATES =
      Map.ofEntries(
          Map.entry("chart.name", c -> chart(c).name()),
          Map.entry("chart.header", c -> "# " + chart(c).name() + "\n"),
          Map.entry(
              "chart.deprecationWarning",
              c ->
                  chart(c).deprecated()
                      ? "> **:exclamation: This Helm Chart is deprecated!**"
                      : ""),
          Map.entry("chart.version", c -> chart(c).version()),
          Map.entry("chart.versionBadge", c -> badge("Version", chart(c).version(), true)),
          Map.entry("chart.type", c -> chart(c).type()),
          Map.entry(
              "chart.typeBadge",
              c -> chart(c).type().isEmpty() ? "" : badge("Type", chart(c).type(), false)),
          Map.entry("chart.appVersion", c -> chart(c).appVersion()),
          Map.entry(
              "chart.appVersionBadge",
              c ->
                  chart(c).appVersion().isEmpty()
                      ? ""
                      : badge("AppVersion", chart(c).appVersion(), true)),
          Map.entry(
              "chart.badgesSection",
              c ->
                  c.template("chart.versionBadge")
                      + c.template("chart.typeBadge")
                      + c.template("chart.appVersionBadge")),
          Map.entry("chart.description", c -> chart(c).description()),
          Map.entry("chart.homepage", c -> chart(c).home()),
          Map.entry(
              "chart.homepageLine",
              c -> chart(c).home().isEmpty() ? "" : "**Homepage:** <" + chart(c).home() + ">"),
          Map.entry("chart.maintainersHeader", c -> "## Maintainers"),
          Map.entry("chart.maintainersTable", HelmDocsTemplates::maintainersTable),
          Map.entry(
              "chart.maintainersSection",
              c ->
                  chart(c).maintainers().isEmpty()
                      ? ""
                      : c.template("chart.maintainersHeader")
                          + "\n\n"
                          + c.template("chart.maintainersTable")),
          Map.entry("chart.sourcesHeader", c -> "## Source Code"),
          Map.entry("chart.sourcesList", HelmDocsTemplates::sourcesList),
          Map.entry(
              "chart.sourcesSection",
              c ->
                  chart(c).sources().isEmpty()
                      ? ""
                      : c.template("chart.sourcesHeader") + "\n" + c.template("chart.sourcesList")),
          Map.entry("chart.kubeVersion", c -> chart(c).kubeVersion()),
          Map.entry(
              "chart.kubeVersionLine",
              c ->
                  chart(c).kubeVersion().isEmpty()
                      ? ""
                      : "Kubernetes: `" + chart(c).kubeVersion() + "`"),
          Map.entry("chart.requirementsHeader", c -> "## Requirements"),
          Map.entry("chart.requirementsTable", HelmDocsTemplates::requirementsTable),
          Map.entry("chart.requirementsSection", HelmDocsTemplates::requirementsSection),
          Map.entry("chart.valuesHeader", c -> "## Values"),
          Map.entry("chart.valuesTable", HelmDocsTemplates::valuesTable),
          Map.entry(
              "chart.valuesSection",
              c ->
                  c.data().values().isEmpty()
                      ? ""
                      : c.template("chart.valuesHeader")
                          + "\n\n"
                          + c.template("chart.valuesTable")),
          Map.entry("chart.valuesTableHtml", HelmDocsTemplates::valuesTableHtml),
          // helm-docs tests its sections struct here, which Go holds true even with no values.
          Map.entry(
              "chart.valuesSectionHtml",
              c ->
                  "\n\n"
                      + c.template("chart.valuesHeader")
                      + "\n"
                      + c.template("chart.valuesTableHtml")
                      + "\n\n"),
          Map.entry("helm-docs.version", c -> HELM_DOCS_VERSION),
          Map.entry(
              "helm-docs.versionFooter",
              c ->
                  "\n"
                      + "-".repeat(46)
                      + "\nAutogenerated from chart metadata using [helm-docs v"
                      + HELM_DOCS_VERSION
                      + "](https://github.com/norwoodj/helm-docs/releases/v"
                      + HELM_DOCS_VERSION
                      + ")"));

  private HelmDocsTemplates() {}

  static boolean exists(String name) {
    return TEMPLATES.containsKey(name);
  }

  /** The names of the built-in templates. */
  static Set<String> names() {
    return TEMPLATES.keySet();
  }

  static String render(String name, Context context) {
    return TEMPLATES.get(name).apply(context);
  }

  private static ChartInfo chart(Context c) {
    return c.data().chart();
  }

  /** A shields.io badge; helm-docs doubles the dashes of versions, not of the chart type. */
  private static String badge(String label, String value, boolean escapeDashes) {
    return "!["
        + label
        + ": "
        + value
        + "](https://img.shields.io/badge/"
        + label
        + "-"
        + (escapeDashes ? value.replace("-", "--") : value)
        + "-informational?style="
        + BADGE_STYLE
        + ") ";
  }

  private static String maintainersTable(Context c) {
    StringBuilder out = new StringBuilder("| Name | Email | Url |\n| ---- | ------ | --- |");
    for (ChartInfo.Maintainer m : chart(c).maintainers()) {
      out.append("\n| ")
          .append(m.name())
          .append(" | ")
          .append(m.email().isEmpty() ? "" : "<" + m.email() + ">")
          .append(" | ")
          .append(m.url().isEmpty() ? "" : "<" + m.url() + ">")
          .append(" |");
    }
    return out.toString();
  }

  private static String sourcesList(Context c) {
    StringBuilder out = new StringBuilder();
    for (String source : chart(c).sources()) {
      out.append("\n* <").append(source).append('>');
    }
    return out.toString();
  }

  /** helm-docs sorts dependencies by repository and name when it reads Chart.yaml. */
  private static String requirementsTable(Context c) {
    List<ChartInfo.Dependency> deps = new ArrayList<>(chart(c).dependencies());
    deps.sort(Comparator.comparing(x -> x.repository() + "/" + x.name(), GoJson.GO_STRING_ORDER));
    StringBuilder out =
        new StringBuilder("| Repository | Name | Version |\n|------------|------|---------|");
    for (ChartInfo.Dependency dep : deps) {
      out.append("\n| ")
          .append(dep.repository())
          .append(" | ")
          .append(dep.alias().isEmpty() ? dep.name() : dep.alias() + "(" + dep.name() + ")")
          .append(" | ")
          .append(dep.version())
          .append(" |");
    }
    return out.toString();
  }

  private static String requirementsSection(Context c) {
    ChartInfo chart = chart(c);
    if (chart.dependencies().isEmpty() && chart.kubeVersion().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(c.template("chart.requirementsHeader")).append("\n\n");
    if (!chart.kubeVersion().isEmpty()) {
      out.append(c.template("chart.kubeVersionLine")).append("\n\n");
    }
    if (!chart.dependencies().isEmpty()) {
      out.append(c.template("chart.requirementsTable"));
    }
    return out.toString();
  }

  private static String valuesTable(Context c) {
    StringBuilder out =
        new StringBuilder(
            "| Key | Type | Default | Description |\n|-----|------|---------|-------------|");
    for (Row r : c.data().values()) {
      out.append("\n| ")
          .append(r.key())
          .append(" | ")
          .append(r.type())
          .append(" | ")
          .append(r.defaultValue())
          .append(" | ")
          .append(r.description())
          .append(" |");
    }
    return out.toString();
  }

  private static String valuesTableHtml(Context c) {
    StringBuilder out =
        new StringBuilder(
            "\n\n<table>\n\t<thead>\n\t\t<th>Key</th>\n\t\t<th>Type</th>\n\t\t<th>Default</th>"
                + "\n\t\t<th>Description</th>\n\t</thead>\n\t<tbody>");
    for (Row r : c.data().values()) {
      out.append("\n\t\t<tr>\n\t\t\t<td>")
          .append(r.key())
          .append("</td>\n\t\t\t<td>")
          .append(r.type())
          .append("</td>\n\t\t\t<td>")
          .append(defaultHtml(r))
          .append("</td>\n\t\t\t<td>")
          .append(r.description())
          .append("</td>\n\t\t</tr>");
    }
    return out.append("\n\t</tbody>\n</table>\n\n").toString();
  }

  /**
   * helm-docs' {@code chart.valueDefaultColumnRender}: a default in backticks is read as JSON
   * (Sprig's {@code fromJson}, null when it is not JSON) and shown indented; any other default, an
   * {@code @default} text, is shown as written.
   */
  private static String defaultHtml(Row r) {
    String value = r.defaultValue();
    String lang = "";
    if (value.startsWith("`") && value.endsWith("`")) {
      value = GoJson.encodeIndented(GoJson.decodeOrNull(trimBackticks(value)));
      lang = "json";
    }
    return "<pre lang=\"" + lang + "\">\n" + value + "\n</pre>\n";
  }

  private static String trimBackticks(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '`') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '`') {
      end--;
    }
    return s.substring(start, end);
  }
}
