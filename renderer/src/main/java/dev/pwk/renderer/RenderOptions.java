package dev.pwk.renderer;

import dev.pwk.kube.Release;
import java.util.Objects;

/**
 * The render context that does not come from values, like the arguments of {@code helm template}.
 *
 * @param releaseName the Helm release name; must be a valid Helm release name ({@link
 *     Release#nameProblem})
 * @param namespace the release namespace ({@code -n})
 * @param capabilities the assumed cluster version and API versions
 * @param clusterUid the cluster UID to use when {@code worker.clusterUid} is empty; Helm looks up
 *     the {@code kube-system} namespace, which yields an empty string when rendering offline
 */
public record RenderOptions(
    String releaseName, String namespace, KubeCapabilities capabilities, String clusterUid) {

  public RenderOptions {
    Objects.requireNonNull(releaseName, "releaseName");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(clusterUid, "clusterUid");
    Release.nameProblem(releaseName)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    if (namespace.isEmpty()) {
      throw new IllegalArgumentException("namespace must not be empty");
    }
  }

  /** {@code helm template}'s defaults: release {@code release-name} in {@code default}. */
  public static RenderOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RenderOptions}; every setting has Helm's offline default. */
  public static final class Builder {
    private String releaseName = "release-name";
    private String namespace = "default";
    private KubeCapabilities capabilities = KubeCapabilities.DEFAULT;
    private String clusterUid = "";

    private Builder() {}

    public Builder releaseName(String releaseName) {
      this.releaseName = releaseName;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder capabilities(KubeCapabilities capabilities) {
      this.capabilities = capabilities;
      return this;
    }

    public Builder clusterUid(String clusterUid) {
      this.clusterUid = clusterUid;
      return this;
    }

    public RenderOptions build() {
      return new RenderOptions(releaseName, namespace, capabilities, clusterUid);
    }
  }
}
