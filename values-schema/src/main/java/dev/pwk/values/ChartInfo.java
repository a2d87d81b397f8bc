package dev.pwk.values;

import java.util.List;

/**
 * The released chart's metadata ({@code Chart.yaml}).
 *
 * @param apiVersion the chart API version ({@code v2})
 * @param name {@code prefect-worker}
 * @param version the released chart version
 * @param appVersion the Prefect version the chart deploys by default
 * @param description one line
 * @param type {@code application}
 * @param home the project home page
 * @param sources source repositories
 * @param maintainers chart maintainers
 * @param dependencies chart dependencies (library charts)
 * @param kubeVersion the Kubernetes versions the chart supports, as a semver range; empty if unset
 * @param deprecated whether the chart is marked deprecated
 */
public record ChartInfo(
    String apiVersion,
    String name,
    String version,
    String appVersion,
    String description,
    String type,
    String home,
    List<String> sources,
    List<Maintainer> maintainers,
    List<Dependency> dependencies,
    String kubeVersion,
    boolean deprecated) {

  public ChartInfo {
    sources = List.copyOf(sources);
    maintainers = List.copyOf(maintainers);
    dependencies = List.copyOf(dependencies);
  }

  /** Metadata of a chart that sets no {@code kubeVersion} and is not deprecated. */
  public ChartInfo(
      String apiVersion,
      String name,
      String version,
      String appVersion,
      String description,
      String type,
      String home,
      List<String> sources,
      List<Maintainer> maintainers,
      List<Dependency> dependencies) {
    this(
        apiVersion,
        name,
        version,
        appVersion,
        description,
        type,
        home,
        sources,
        maintainers,
        dependencies,
        "",
        false);
  }

  /** A chart maintainer; {@code email} and {@code url} may be empty. */
  public record Maintainer(String name, String email, String url) {}

  /** A chart dependency; {@code alias} is empty when the chart gives none. */
  public record Dependency(String name, String repository, String version, String alias) {
    /** A dependency without an alias. */
    public Dependency(String name, String repository, String version) {
      this(name, repository, version, "");
    }
  }
}
