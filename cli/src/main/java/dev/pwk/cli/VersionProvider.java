package dev.pwk.cli;

import dev.pwk.validator.ReportWriter;
import dev.pwk.values.ChartInfo;
import dev.pwk.values.ValuesContract;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool version and the chart it reproduces. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    ChartInfo chart = ValuesContract.chart();
    // A StringBuilder, not +: on JDK 17 an invokedynamic concatenation spins method-handle classes
    // on its first run, which no class-data-sharing archive holds, and --version runs little else.
    return new String[] {
      new StringBuilder("pwk ").append(toolVersion()).toString(),
      new StringBuilder("chart ")
          .append(chart.name())
          .append(' ')
          .append(chart.version())
          .append(" (appVersion ")
          .append(chart.appVersion())
          .append(')')
          .toString()
    };
  }

  /** The version of this build of pwk. */
  static String toolVersion() {
    return buildProperty("version", "unknown");
  }

  /** Where users read about this copy of pwk, as set when it was built ({@code pwk.url}). */
  static String projectUrl() {
    return buildProperty("url", ReportWriter.DEFAULT_INFORMATION_URI);
  }

  private static String buildProperty(String name, String fallback) {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty(name, fallback);
    } catch (IOException e) {
      return fallback;
    }
  }
}
