package dev.pwk.renderer;

import dev.pwk.values.ChartInfo;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names the chart derives once per render, following the Bitnami {@code common} helpers (§1 of
 * the chart spec) and the chart's own helpers.
 *
 * @param release the release name ({@code .Release.Name})
 * @param releaseNamespace the release namespace ({@code .Release.Namespace})
 * @param name {@code common.names.name}, or null where Helm's output reads it as null
 * @param fullname {@code common.names.fullname}
 * @param namespace {@code common.names.namespace}, the namespace of every object
 * @param chartLabel {@code common.names.chart}, the {@code helm.sh/chart} label
 * @param serviceAccountName {@code worker.serviceAccountName}
 * @param roleNamespace the namespace of the Role and RoleBinding
 * @param baseJobTemplateName {@code worker.baseJobTemplateName}; empty when the base job template
 *     is off
 * @param generatesConfigMap whether the chart generates the base-job-template ConfigMap
 */
record Names(
    String release,
    String releaseNamespace,
    String name,
    String fullname,
    String namespace,
    String chartLabel,
    String serviceAccountName,
    String roleNamespace,
    String baseJobTemplateName,
    boolean generatesConfigMap) {

  static final String DEFAULT_BASE_JOB_TEMPLATE_NAME = "prefect-worker-base-job-template";

  private static final int MAX_NAME = 63;
  private static final Pattern RELEASE_CLEANUP = Pattern.compile("(-?[^a-z\\d\\-])+-?");
  private static final Pattern TRAILING_NON_ALNUM = Pattern.compile("[^A-Za-z0-9]+$");

  static Names derive(WorkerValues v, RenderOptions options, ChartInfo chart) {
    String release = options.releaseName();
    String fullname = fullname(v.fullnameOverride(), v.nameOverride(), chart.name(), release);
    String namespace = namespace(v.namespaceOverride(), options.namespace());
    String sa = serviceAccountName(v.serviceAccountCreate(), v.serviceAccountName(), fullname);
    String roleNamespace = v.roleNamespace().isEmpty() ? namespace : v.roleNamespace();
    boolean generates = v.baseJobTemplateConfiguration().truthy();
    String bjt;
    if (generates) {
      bjt =
          v.baseJobTemplateName().isEmpty()
              ? DEFAULT_BASE_JOB_TEMPLATE_NAME
              : v.baseJobTemplateName();
    } else {
      bjt = v.existingConfigMapName();
    }
    return new Names(
        release,
        options.namespace(),
        name(v, chart),
        fullname,
        namespace,
        labelValue(chart.name() + "-" + chart.version()),
        sa,
        roleNamespace,
        bjt,
        generates);
  }

  /** True when the base job template is on: the init container, mount and argument appear. */
  boolean baseJobTemplateOn() {
    return !baseJobTemplateName.isEmpty();
  }

  /**
   * {@code common.names.name} as Helm's output reads it: null or the empty string where a set
   * {@code nameOverride} reads back so ({@code "~"}, {@code "!bang"}), since the chart prints the
   * name unquoted; otherwise {@link #name(String, String)}.
   */
  private static String name(WorkerValues v, ChartInfo chart) {
    if (v.nameOverrideReadsAsNull()) {
      return null;
    }
    return v.nameOverrideSet() && v.nameOverride().isEmpty()
        ? ""
        : name(v.nameOverride(), chart.name());
  }

  /** {@code common.names.name}: the override or the chart name, cut to 63, one dash trimmed. */
  static String name(String nameOverride, String chartName) {
    return trimOneDash(truncate(nameOverride.isEmpty() ? chartName : nameOverride));
  }

  /**
   * {@code common.names.fullname}: the override if set; otherwise the cleaned release name,
   * followed by {@code -<name>} unless it already contains the name; cut to 63, one dash trimmed.
   */
  static String fullname(
      String fullnameOverride, String nameOverride, String chartName, String release) {
    if (!fullnameOverride.isEmpty()) {
      return trimOneDash(truncate(fullnameOverride));
    }
    String name = nameOverride.isEmpty() ? chartName : nameOverride;
    String rel = RELEASE_CLEANUP.matcher(release.toLowerCase(Locale.ROOT)).replaceAll("-");
    String full = rel.contains(name) ? rel : rel + "-" + name;
    return trimOneDash(truncate(full));
  }

  /** {@code common.names.namespace}: the override or the release namespace, cut and trimmed. */
  static String namespace(String namespaceOverride, String releaseNamespace) {
    return trimOneDash(
        truncate(namespaceOverride.isEmpty() ? releaseNamespace : namespaceOverride));
  }

  /** {@code worker.serviceAccountName}. */
  static String serviceAccountName(boolean create, String name, String fullname) {
    if (!name.isEmpty()) {
      return name;
    }
    return create ? fullname : "default";
  }

  /**
   * {@code common.labels.value}: {@code +} becomes {@code _}, cut to 63, then every trailing
   * character that is not a letter or digit is removed.
   */
  static String labelValue(String value) {
    return TRAILING_NON_ALNUM.matcher(truncate(value.replace('+', '_'))).replaceAll("");
  }

  /**
   * Sprig's {@code trunc 63}, which counts bytes; a multi-byte character that would be split is
   * dropped whole rather than corrupted.
   */
  static String truncate(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= MAX_NAME) {
      return s;
    }
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + len > MAX_NAME) {
        break;
      }
      bytes += len;
      end += Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Go's {@code strings.TrimSuffix(s, "-")}: at most one dash. */
  static String trimOneDash(String s) {
    return s.endsWith("-") ? s.substring(0, s.length() - 1) : s;
  }
}
