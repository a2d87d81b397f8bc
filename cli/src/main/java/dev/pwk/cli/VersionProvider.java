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
    return new String[] {
      "pwk " + toolVersion(),
      "chart " + chart.name() + " " + chart.version() + " (appVersion " + chart.appVersion() + ")"
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
