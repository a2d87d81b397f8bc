package dev.pwk.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** pwk has helm-docs' built-in templates, says so in the guide, and tests each of them. */
@DisplayName("the built-in templates of helm-docs 1.14.2")
class HelmDocsTemplatesTest {
  /** helm-docs 1.14.2's pkg/document/template.go, less chart.valueDefaultColumnRender. */
  private static final Set<String> HELM_DOCS =
      Set.of(
          "chart.name",
          "chart.header",
          "chart.deprecationWarning",
          "chart.version",
          "chart.versionBadge",
          "chart.type",
          "chart.typeBadge",
          "chart.appVersion",
          "chart.appVersionBadge",
          "chart.badgesSection",
          "chart.description",
          "chart.homepage",
          "chart.homepageLine",
          "chart.maintainersHeader",
          "chart.maintainersTable",
          "chart.maintainersSection",
          "chart.sourcesHeader",
          "chart.sourcesList",
          "chart.sourcesSection",
          "chart.requirementsHeader",
          "chart.kubeVersion",
          "chart.kubeVersionLine",
          "chart.requirementsTable",
          "chart.requirementsSection",
          "chart.valuesHeader",
          "chart.valuesTable",
          "chart.valuesSection",
          "chart.valuesTableHtml",
          "chart.valuesSectionHtml",
          "helm-docs.version",
          "helm-docs.versionFooter");

  private static final Path CI_PAGE = Path.of("guide", "ci.md");
  private static final Pattern LIST =
      Pattern.compile(
          "<!-- helm-docs-templates -->\\n(.*?)<!-- /helm-docs-templates -->", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("`((?:chart|helm-docs)\\.[A-Za-z]+)`");

  @Test
  @DisplayName("pwk has every one of them, and no other")
  void allOfThem() {
    assertEquals(new TreeSet<>(HELM_DOCS), new TreeSet<>(HelmDocsTemplates.names()));
  }

  @Test
  @DisplayName("docs/guide/ci.md lists exactly the ones pwk has")
  void guideListsThem() throws IOException {
    Matcher block = LIST.matcher(Files.readString(CI_PAGE, StandardCharsets.UTF_8));
    assertTrue(block.find(), "ci.md has no <!-- helm-docs-templates --> block");
    TreeSet<String> listed = new TreeSet<>();
    NAME.matcher(block.group(1)).results().forEach(r -> listed.add(r.group(1)));
    assertEquals(new TreeSet<>(HelmDocsTemplates.names()), listed);
  }

  @Test
  @DisplayName("each has a golden case named call-NAME")
  void eachHasAGoldenCase() throws URISyntaxException {
    Path golden = Path.of(HelmDocsTemplatesTest.class.getResource("golden").toURI());
    List<String> missing =
        HelmDocsTemplates.names().stream()
            .map(n -> "call-" + n.replace('.', '-'))
            .filter(dir -> !Files.isDirectory(golden.resolve(dir)))
            .sorted()
            .toList();
    assertTrue(missing.isEmpty(), "golden cases missing: " + missing);
  }
}
