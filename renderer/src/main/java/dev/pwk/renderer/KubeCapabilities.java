package dev.pwk.renderer;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the target cluster is assumed to support, like Helm's {@code --kube-version} and {@code
 * --api-versions}. It only chooses the API versions of the PodDisruptionBudget and the
 * HorizontalPodAutoscaler.
 *
 * @param major Kubernetes major version
 * @param minor Kubernetes minor version
 * @param apiVersions extra API versions the cluster serves, such as {@code policy/v1} or {@code
 *     autoscaling/v2/HorizontalPodAutoscaler}
 */
public record KubeCapabilities(int major, int minor, Set<String> apiVersions) {
  private static final Pattern VERSION =
      Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+][0-9A-Za-z.+-]*)?");

  /** The newest Kubernetes version this chart is checked against, with no extra API versions. */
  public static final KubeCapabilities DEFAULT = new KubeCapabilities(1, 34, Set.of());

  public KubeCapabilities {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("negative Kubernetes version " + major + "." + minor);
    }
    apiVersions =
        Collections.unmodifiableSortedSet(
            new TreeSet<>(Objects.requireNonNull(apiVersions, "apiVersions")));
  }

  /**
   * Parses a Kubernetes version such as {@code 1.29}, {@code v1.29.3} or {@code v1.29.3-gke.1}.
   *
   * @throws IllegalArgumentException if the text is not a version
   */
  public static KubeCapabilities of(String kubeVersion) {
    Matcher m = VERSION.matcher(Objects.requireNonNull(kubeVersion, "kubeVersion").trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid Kubernetes version \"" + kubeVersion + "\"; expected e.g. 1.29 or v1.29.3");
    }
    try {
      return new KubeCapabilities(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Set.of());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid Kubernetes version \"" + kubeVersion + "\"", e);
    }
  }

  /** A copy that also serves the given API versions. */
  public KubeCapabilities withApiVersions(Collection<String> more) {
    Set<String> all = new TreeSet<>(apiVersions);
    all.addAll(more);
    return new KubeCapabilities(major, minor, all);
  }

  /** The version as Helm prints it, e.g. {@code v1.34.0}. */
  public String kubeVersion() {
    return "v" + major + "." + minor + ".0";
  }

  /** True when the cluster is at least the given version. */
  public boolean atLeast(int wantMajor, int wantMinor) {
    return major > wantMajor || (major == wantMajor && minor >= wantMinor);
  }

  /**
   * True when {@code apiVersion} (e.g. {@code policy/v1}) was listed explicitly, alone or with a
   * kind suffix such as {@code policy/v1/PodDisruptionBudget}.
   */
  public boolean lists(String apiVersion) {
    return apiVersions.stream()
        .anyMatch(v -> v.equals(apiVersion) || v.startsWith(apiVersion + "/"));
  }
}
