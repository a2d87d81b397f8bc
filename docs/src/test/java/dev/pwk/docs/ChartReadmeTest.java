package dev.pwk.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pwk.values.ValuesContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** pwk's own chart README: freshness of the committed file and the content of its sections. */
class ChartReadmeTest {
  /** Relative to the module directory, which is the working directory of the tests. */
  static final Path README = Path.of("chart-README.md");

  static final String REGENERATE = "./mvnw -q -pl docs test-compile exec:java";

  private static String readme;

  @BeforeAll
  static void render() throws DocsException {
    readme = DocsGenerator.create().renderChartReadme();
  }

  @Test
  @DisplayName("docs/chart-README.md on disk is what the generator produces now")
  void committedReadmeIsFresh() throws IOException, DocsException {
    String onDisk = Files.readString(README, StandardCharsets.UTF_8);
    DocsCheck check = DocsGenerator.create().checkChartReadme("docs/chart-README.md", onDisk);
    if (check.stale()) {
      fail("docs/chart-README.md is stale; regenerate it with " + REGENERATE + "\n" + check.diff());
    }
  }

  @Test
  @DisplayName("the bundled template is the one in the module directory")
  void bundledTemplateIsTheSource() throws IOException {
    assertEquals(
        Files.readString(Path.of("chart-README.md.gotmpl"), StandardCharsets.UTF_8),
        DocsGenerator.chartReadmeTemplate());
  }

  @Nested
  @DisplayName("the Values table of the bundled values.yaml")
  class ValuesTable {
    @Test
    @DisplayName("has the 105 rows of the upstream README")
    void rowCount() throws DocsException {
      assertEquals(105, ValueRows.of(ValuesContract.defaultValuesYaml()).size());
      assertEquals(105, valuesSectionRows().size());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "| commonAnnotations | object | `{}` | annotations to add to all deployed objects |",
          "| fullnameOverride | string | `\"prefect-worker\"` | fully override"
              + " common.names.fullname |",
          "| role.namespace | string | `nil` | the namespace to deploy the role to. If not"
              + " provided, deploys to the same namespace as the worker |",
          "| worker.config.limit | string | `nil` | maximum number of flow runs to start"
              + " simultaneously (default: unlimited) |",
          "| worker.config.installPolicy | string | `\"prompt\"` | install policy to use workers"
              + " from Prefect integration packages. |",
          "| worker.initContainer.containerSecurityContext | object |"
              + " `{\"allowPrivilegeEscalation\":false,\"capabilities\":{},"
              + "\"readOnlyRootFilesystem\":true,\"runAsNonRoot\":true,\"runAsUser\":1001}` |"
              + " security context for the sync-base-job-template initContainer |",
          "| worker.initContainer.containerSecurityContext.allowPrivilegeEscalation | bool |"
              + " `false` | set init containers' security context allowPrivilegeEscalation |",
          "| worker.initContainer.containerSecurityContext.capabilities | object | `{}` | set init"
              + " container's security context capabilities |",
          "| worker.initContainer.containerSecurityContext.readOnlyRootFilesystem | bool | `true` |"
              + " set init containers' security context readOnlyRootFilesystem |",
          "| worker.initContainer.containerSecurityContext.runAsNonRoot | bool | `true` | set init"
              + " containers' security context runAsNonRoot |",
          "| worker.initContainer.containerSecurityContext.runAsUser | int | `1001` | set init"
              + " containers' security context runAsUser, set to `null` to unset |",
          "| worker.initContainer.resources | object | `{}` | the resource specifications for the"
              + " sync-base-job-template initContainer Defaults to the resources defined for the"
              + " worker container |",
          "| worker.customerManagedCloudApiConfig.cloudApiUrl | string | `\"\"` | This is used in"
              + " self managed cloud instances to congfigure events and logs over websockets |",
          "| worker.cloudApiConfig.jobApiKeyPropagation | string | `\"secretRef\"` | controls how"
              + " the Prefect API key is propagated to spawned flow run pods. 'secretRef'"
              + " (default): reference the existing apiKeySecret in job pod specs via"
              + " valueFrom.secretKeyRef (most secure) 'autoSecret': worker creates and manages a"
              + " temporary K8s Secret per job, referencing it via valueFrom.secretKeyRef (RBAC for"
              + " secrets is granted automatically when this value is set) 'envVar': inject the API"
              + " key as a plain PREFECT_API_KEY environment variable in job pod specs (least"
              + " secure) |",
          "| worker.image.prefectTag | string | `\"3.8.3-python3.11-kubernetes\"` | prefect image"
              + " tag (immutable tags are recommended) |",
          "| worker.livenessProbe.enabled | bool | `false` |  |",
          "| worker.podSecurityContext.seccompProfile | object | `{\"type\":\"RuntimeDefault\"}` |"
              + " set worker pod's seccomp profile |",
          "| worker.resources.limits | object | `{\"cpu\":\"1000m\",\"memory\":\"1Gi\"}` | the"
              + " requested limits for the worker container |",
          "| worker.selfHostedServerApiConfig.apiUrl | string | `\"\"` | prefect API url"
              + " (PREFECT_API_URL) |",
        })
    @DisplayName("holds the row")
    void holdsRow(String row) {
      assertTrue(valuesSectionRows().contains(row), () -> "missing row " + row);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "worker.resources.limits.",
          "worker.resources.requests.",
          "worker.podSecurityContext.seccompProfile.",
          "worker.config.baseJobTemplate.name",
          "worker.initContainer.resources.",
          "worker.podDisruptionBudget."
        })
    @DisplayName("has no row for undocumented children of documented maps or commented-out keys")
    void lacksRowsUnder(String keyPrefix) {
      assertTrue(
          valuesSectionRows().stream().noneMatch(r -> r.startsWith("| " + keyPrefix)),
          () -> "unexpected row under " + keyPrefix);
    }

    @Test
    @DisplayName("is sorted by full dotted key")
    void sorted() {
      List<String> keys =
          valuesSectionRows().stream()
              .map(r -> r.split(" \\| ", 2)[0].substring(2))
              .collect(Collectors.toList());
      List<String> sortedKeys = new ArrayList<>(keys);
      sortedKeys.sort(GoJson.GO_STRING_ORDER);
      assertEquals(sortedKeys, keys);
      assertEquals("commonAnnotations", keys.get(0));
    }
  }

  @Nested
  @DisplayName("the README's layout")
  class Layout {
    @Test
    @DisplayName("follows the upstream outline, the generated sections last")
    void headings() {
      List<String> headings =
          Arrays.stream(readme.split("\n", -1))
              .filter(l -> l.startsWith("#"))
              .collect(Collectors.toList());
      assertEquals(
          List.of(
              "# prefect-worker",
              "## Overview",
              "## Installing the Chart",
              "### Prerequisites",
              "### Configuring a Worker for Prefect Cloud",
              "### Configuring a Worker for Customer-managed Prefect Cloud (not to be confused with"
                  + " [Self-hosted Prefect"
                  + " Server](#configuring-a-worker-for-self-hosted-prefect-server))",
              "### Configuring a Worker for Self-hosted Prefect Server",
              "### Installing & Verifying Deployment of the Prefect Worker",
              "## Additional Worker Configurations",
              "### Container seccomp profile",
              "### Basic Auth",
              "### Deploying multiple workers to a single namespace",
              "### Configuring a Base Job Template on the Worker",
              "#### Modifying the Base Job Template",
              "#### Updating the Base Job Template",
              "## Troubleshooting",
              "### Setting `worker.clusterUid`",
              "## Maintainers",
              "## Requirements",
              "## Values"),
          headings.stream().filter(h -> !h.startsWith("# you may")).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("has the generated Maintainers and Requirements tables")
    void generatedTables() {
      assertTrue(
          readme.contains(
              "## Maintainers\n\n| Name | Email | Url |\n| ---- | ------ | --- |\n"
                  + "| jamiezieziula | <jamie@prefect.io> |  |\n"
                  + "| jimid27 | <jimi@prefect.io> |  |\n"
                  + "| parkedwards | <edward@prefect.io> |  |\n"
                  + "| mitchnielsen | <mitchell@prefect.io> |  |\n\n"));
      assertTrue(
          readme.contains(
              "## Requirements\n\n"
                  + "| Repository | Name | Version |\n"
                  + "|------------|------|---------|\n"
                  + "| https://charts.bitnami.com/bitnami | common | 2.41.0 |\n\n"
                  + "## Values\n\n"
                  + "| Key | Type | Default | Description |\n"
                  + "|-----|------|---------|-------------|\n"));
    }

    @Test
    @DisplayName("ends with the helm-docs footer and no new line")
    void footer() {
      assertTrue(readme.startsWith("# prefect-worker\n\n"));
      assertTrue(
          readme.endsWith(
              " |\n\n"
                  + "-".repeat(46)
                  + "\nAutogenerated from chart metadata using [helm-docs v1.14.2]"
                  + "(https://github.com/norwoodj/helm-docs/releases/v1.14.2)"));
    }

    @Test
    @DisplayName("documents basic auth under its current key, not the removed worker.basicAuth")
    void basicAuthKey() {
      assertTrue(readme.contains("worker:\n  selfHostedServerApiConfig:\n    basicAuth:\n"));
      assertFalse(readme.contains("worker:\n  basicAuth:"));
    }

    @Test
    @DisplayName("shows pwk install and the Helm equivalent, with --set-file for the template")
    void installCommands() {
      String setFile =
          "--set-file worker.config.baseJobTemplate.configuration=base-job-template.json";
      assertTrue(
          readme.contains("pwk install prefect-worker --namespace prefect -f values.yaml\n"));
      assertTrue(
          readme.contains(
              "helm install prefect-worker prefect/prefect-worker --namespace prefect -f"
                  + " values.yaml\n"));
      assertTrue(
          readme.contains(
              "pwk install prefect-worker --namespace prefect -f values.yaml " + setFile));
      assertTrue(
          readme.contains(
              "helm install prefect-worker prefect/prefect-worker --namespace prefect -f"
                  + " values.yaml "
                  + setFile));
    }
  }

  /** The rows of the rendered README's Values table. */
  private static List<String> valuesSectionRows() {
    String section = readme.substring(readme.indexOf("## Values\n"));
    return Arrays.stream(section.split("\n", -1))
        .skip(4)
        .takeWhile(l -> l.startsWith("| "))
        .collect(Collectors.toList());
  }
}
