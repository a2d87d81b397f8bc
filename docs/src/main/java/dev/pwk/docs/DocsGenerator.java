package dev.pwk.docs;

import dev.pwk.values.ChartInfo;
import dev.pwk.values.ValuesContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders helm-docs style README templates from a commented values file and the chart metadata,
 * producing what helm-docs 1.14.2 produces. helm-docs' own default template renders unchanged.
 *
 * <p>Every built-in template of helm-docs 1.14.2 can be called as <code>{{ template "NAME" .
 * }}</code>: {@code chart.header}, {@code chart.name}, {@code chart.deprecationWarning}, {@code
 * chart.description}, {@code chart.version}, {@code chart.versionBadge}, {@code chart.type}, {@code
 * chart.typeBadge}, {@code chart.appVersion}, {@code chart.appVersionBadge}, {@code
 * chart.badgesSection}, {@code chart.homepage}, {@code chart.homepageLine}, {@code
 * chart.maintainersHeader}, {@code chart.maintainersTable}, {@code chart.maintainersSection},
 * {@code chart.sourcesHeader}, {@code chart.sourcesList}, {@code chart.sourcesSection}, {@code
 * chart.kubeVersion}, {@code chart.kubeVersionLine}, {@code chart.requirementsHeader}, {@code
 * chart.requirementsTable}, {@code chart.requirementsSection}, {@code chart.valuesHeader}, {@code
 * chart.valuesTable}, {@code chart.valuesSection}, {@code chart.valuesTableHtml}, {@code
 * chart.valuesSectionHtml}, {@code helm-docs.version} and {@code helm-docs.versionFooter}. The
 * template language is Go's without functions (see {@code Template}): {@code define}, {@code if}
 * and {@code if not} on a field, {@code else}, {@code end}, printing a field, comments and trim
 * markers; a {@code define} replaces the built-in template of its name. Not supported, and errors:
 * Sprig and other functions, pipelines, variables, {@code range} and {@code with}, and calling or
 * redefining {@code chart.valueDefaultColumnRender}. Badges use helm-docs' default style.
 *
 * <p>The Values table follows helm-docs: the {@code # --} comment block directly above a key
 * documents it (the last {@code # --} group wins, continuation lines are joined with spaces, {@code
 * (type)}, {@code @default}, {@code @raw} and {@code @ignore} are honoured), every leaf is listed
 * until a documented map or list is met, defaults are compact JSON with sorted keys and null is
 * {@code string} with default {@code nil}. Not supported, and errors where they would change the
 * output: {@code @section}, {@code @notationType} and YAML aliases; old-style {@code # key.path --
 * text} comments are ignored. Like helm-docs, the output is finally cleaned: one space before a
 * line end is dropped and runs of blank lines become one.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DocsGenerator {
  /** The helm-docs release whose output is reproduced and named in the footer. */
  public static final String HELM_DOCS_VERSION = HelmDocsTemplates.HELM_DOCS_VERSION;

  private static final String CHART_README_TEMPLATE = "chart-README.md.gotmpl";
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  private DocsGenerator() {}

  /** A generator. */
  public static DocsGenerator create() {
    return new DocsGenerator();
  }

  /**
   * Renders a template.
   *
   * @param template the README template, helm-docs' {@code README.md.gotmpl}
   * @param valuesYaml the values file with its {@code # --} comments
   * @param chart the chart metadata
   * @return the README text; it ends with a new line only if the template does
   * @throws DocsException when the template or the values file cannot be rendered
   */
  public String render(String template, String valuesYaml, ChartInfo chart) throws DocsException {
    Objects.requireNonNull(chart, "chart");
    Template parsed = Template.parse(template);
    HelmDocsTemplates.Data data = new HelmDocsTemplates.Data(chart, ValueRows.of(valuesYaml));
    return markdownCleanUp(parsed.execute(data));
  }

  /**
   * Renders pwk's own chart README: the bundled {@link #chartReadmeTemplate()} with the bundled
   * values and chart metadata of {@link ValuesContract}.
   *
   * @return the text of {@code docs/chart-README.md} in the pwk repository
   * @throws DocsException never for the bundled inputs, which the build checks
   */
  public String renderChartReadme() throws DocsException {
    return render(
        chartReadmeTemplate(), ValuesContract.defaultValuesYaml(), ValuesContract.chart());
  }

  /**
   * Checks a chart README against {@link #renderChartReadme()}.
   *
   * @param fileName the name to show in the diff
   * @param onDisk the README's current text; empty for a missing file
   * @return whether the README is stale, with a diff that brings it up to date
   * @throws DocsException never for the bundled inputs, which the build checks
   */
  public DocsCheck checkChartReadme(String fileName, String onDisk) throws DocsException {
    return DocsCheck.compare(fileName, onDisk, renderChartReadme());
  }

  /** The template of pwk's chart README, {@code docs/chart-README.md.gotmpl}. */
  public static String chartReadmeTemplate() {
    try (InputStream in = DocsGenerator.class.getResourceAsStream(CHART_README_TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + CHART_README_TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled " + CHART_README_TEMPLATE + " is unreadable", e);
    }
  }

  /** helm-docs' final pass over its output ({@code applyMarkDownFormat}). */
  private static String markdownCleanUp(String text) {
    return BLANK_LINES.matcher(text.replace(" \n", "\n")).replaceAll("\n\n");
  }
}
