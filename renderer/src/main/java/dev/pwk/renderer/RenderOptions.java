package dev.pwk.renderer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The render context that does not come from values, like the arguments of {@code helm template}.
 *
 * @param releaseName the Helm release name; must be a valid Helm release name
 * @param namespace the release namespace ({@code -n})
 * @param capabilities the assumed cluster version and API versions
 * @param clusterUid the cluster UID to use when {@code worker.clusterUid} is empty; Helm looks up
 *     the {@code kube-system} namespace, which yields an empty string when rendering offline
 */
public record RenderOptions(
    String releaseName, String namespace, KubeCapabilities capabilities, String clusterUid) {

  /** Helm's rule for release names (a DNS-1123 subdomain of at most 53 characters). */
  private static final Pattern RELEASE_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final int MAX_RELEASE_NAME = 53;

  public RenderOptions {
    Objects.requireNonNull(releaseName, "releaseName");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(clusterUid, "clusterUid");
    if (!isValidReleaseName(releaseName)) {
      throw new IllegalArgumentException(
          "invalid release name \""
              + releaseName
              + "\": it must be at most 53 lower-case letters, digits, '-' or '.', and start and"
              + " end with a letter or digit");
    }
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

  /** True when Helm would accept {@code name} as a release name. */
  public static boolean isValidReleaseName(String name) {
    return name.length() <= MAX_RELEASE_NAME && RELEASE_NAME.matcher(name).matches();
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
