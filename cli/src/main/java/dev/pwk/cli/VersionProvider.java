package dev.pwk.cli;

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
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
