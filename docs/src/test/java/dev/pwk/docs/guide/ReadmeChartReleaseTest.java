package dev.pwk.docs.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.ChartInfo;
import dev.pwk.values.ValuesContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README names the chart release that pwk follows, and it is the bundled one. */
@DisplayName("README.md names the chart release built into pwk")
class ReadmeChartReleaseTest {
  private static final Pattern RELEASE = Pattern.compile("release\\s+`([^`]+)`");
  private static final Pattern PREFECT = Pattern.compile("Prefect\\s+`([^`]+)`");
  private static final Pattern VERSION_BLOCK =
      Pattern.compile("```console\\n\\$ pwk --version\\n([^\\n]+)\\n([^\\n]+)\\n```");
  private static final Pattern PROJECT_VERSION =
      Pattern.compile("<artifactId>pwk-parent</artifactId>\\s*<version>([^<]+)</version>");

  private static String readme;
  private static final ChartInfo CHART = ValuesContract.chart();

  @BeforeAll
  static void read() throws IOException {
    readme =
        Files.readString(GuideExamplesTest.ROOT.resolve("README.md"), StandardCharsets.UTF_8)
            .replace("\r\n", "\n");
  }

  @Test
  @DisplayName("every chart release and Prefect version it names is the bundled Chart.yaml's")
  void releaseIsTheBundledOne() {
    List<String> releases = RELEASE.matcher(readme).results().map(r -> r.group(1)).toList();
    List<String> prefect = PREFECT.matcher(readme).results().map(r -> r.group(1)).toList();
    assertFalse(releases.isEmpty(), "README names no chart release");
    assertFalse(prefect.isEmpty(), "README names no Prefect version");
    releases.forEach(r -> assertEquals(CHART.version(), r, "chart release named in README"));
    prefect.forEach(p -> assertEquals(CHART.appVersion(), p, "Prefect version named in README"));
  }

  @Test
  @DisplayName("its pwk --version example shows this build and the bundled chart")
  void versionExampleIsCurrent() throws IOException {
    Matcher block = VERSION_BLOCK.matcher(readme);
    assertTrue(block.find(), "README has no ```console block of '$ pwk --version'");
    Matcher project =
        PROJECT_VERSION.matcher(
            Files.readString(GuideExamplesTest.ROOT.resolve("pom.xml"), StandardCharsets.UTF_8));
    assertTrue(project.find(), "no pwk-parent version in pom.xml");
    assertEquals("pwk " + project.group(1), block.group(1));
    assertEquals(
        "chart "
            + CHART.name()
            + " "
            + CHART.version()
            + " (appVersion "
            + CHART.appVersion()
            + ")",
        block.group(2));
  }
}
