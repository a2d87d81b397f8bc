package dev.pwk.values.chart;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names the chart computes, as the Bitnami {@code common} helpers and Sprig compute them: the
 * 63-byte cut, {@code common.names.name}, {@code common.names.fullname}, {@code
 * common.names.namespace}, {@code common.labels.value} and the service account's name.
 */
public final class ChartNames {
  /** The most bytes a name or label value keeps: Kubernetes' limit for DNS labels. */
  public static final int MAX_BYTES = 63;

  /** {@code common.names.fullname}'s cleaning of the release name. */
  private static final Pattern RELEASE_CLEANUP = Pattern.compile("(-?[^a-z\\d\\-])+-?");

  private static final Pattern TRAILING_NON_ALNUM = Pattern.compile("[^A-Za-z0-9]+$");

  private ChartNames() {}

  /** {@code common.names.name}: the override or the chart name, cut to 63, one dash trimmed. */
  public static String name(String nameOverride, String chartName) {
    return cut63(nameOverride.isEmpty() ? chartName : nameOverride);
  }

  /**
   * {@code common.names.fullname}: the override if set; otherwise {@link #generatedFullname}; cut
   * to 63, one dash trimmed.
   */
  public static String fullname(
      String fullnameOverride, String nameOverride, String chartName, String release) {
    if (!fullnameOverride.isEmpty()) {
      return cut63(fullnameOverride);
    }
    return cut63(generatedFullname(nameOverride, chartName, release));
  }

  /**
   * The fullname before the cut when {@code fullnameOverride} is empty: the release name
   * lower-cased and cleaned, followed by {@code -<name>} unless it already contains the name.
   */
  public static String generatedFullname(String nameOverride, String chartName, String release) {
    String name = nameOverride.isEmpty() ? chartName : nameOverride;
    String rel = RELEASE_CLEANUP.matcher(release.toLowerCase(Locale.ROOT)).replaceAll("-");
    return rel.contains(name) ? rel : rel + "-" + name;
  }

  /** {@code common.names.namespace}: the override or the release namespace, cut and trimmed. */
  public static String namespace(String namespaceOverride, String releaseNamespace) {
    return cut63(namespaceOverride.isEmpty() ? releaseNamespace : namespaceOverride);
  }

  /** {@code worker.serviceAccountName}: the name, else the fullname when created, else default. */
  public static String serviceAccountName(boolean create, String name, String fullname) {
    if (!name.isEmpty()) {
      return name;
    }
    return create ? fullname : "default";
  }

  /**
   * {@code common.labels.value}: {@code +} becomes {@code _}, cut to 63 bytes, then every trailing
   * character that is not a letter or digit is removed.
   */
  public static String labelValue(String value) {
    return TRAILING_NON_ALNUM.matcher(truncate(value.replace('+', '_'))).replaceAll("");
  }

  /** {@code trunc 63 | trimSuffix "-"}: the cut every name helper applies. */
  public static String cut63(String s) {
    return trimOneDash(truncate(s));
  }

  /** True when {@link #truncate} shortens the text: it is longer than 63 bytes in UTF-8. */
  public static boolean isCut(String s) {
    return utf8Length(s) > MAX_BYTES;
  }

  /** The length Sprig's {@code trunc} measures: bytes of UTF-8. */
  public static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Sprig's {@code trunc 63}, which counts bytes; a multi-byte character that would be split is
   * dropped whole rather than corrupted.
   */
  public static String truncate(String s) {
    if (!isCut(s)) {
      return s;
    }
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + len > MAX_BYTES) {
        break;
      }
      bytes += len;
      end += Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Go's {@code strings.TrimSuffix(s, "-")}: at most one dash. */
  public static String trimOneDash(String s) {
    return s.endsWith("-") ? s.substring(0, s.length() - 1) : s;
  }
}
