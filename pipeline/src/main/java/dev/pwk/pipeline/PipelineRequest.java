package dev.pwk.pipeline;

import dev.pwk.kube.Release;
import dev.pwk.renderer.KubeCapabilities;
import dev.pwk.values.ValueInputs;
import java.util.Objects;

/**
 * What {@link Pipeline} is asked to do: the values to load, the release they are checked and
 * rendered for, and how far to go.
 *
 * @param inputs the values files and {@code --set*} flags, in Helm's order
 * @param release the release the generated names are computed for
 * @param partial lint overlay files on their own (types and unknown keys, no defaults); a partial
 *     request is never rendered
 * @param validateManifests check the rendered objects offline, as the API server would ({@code pwk
 *     template --validate})
 * @param capabilities the cluster version and API versions to render for
 * @param clusterUid the cluster UID used when {@code worker.clusterUid} is empty
 */
public record PipelineRequest(
    ValueInputs inputs,
    Release release,
    boolean partial,
    boolean validateManifests,
    KubeCapabilities capabilities,
    String clusterUid) {

  public PipelineRequest {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(capabilities, "capabilities");
    Objects.requireNonNull(clusterUid, "clusterUid");
  }

  /** A request for these inputs with {@code helm template}'s defaults for everything else. */
  public static Builder builder(ValueInputs inputs) {
    return new Builder(inputs);
  }

  /** Builds a {@link PipelineRequest}; every setting but the inputs has a default. */
  public static final class Builder {
    private final ValueInputs inputs;
    private Release release = Release.DEFAULT;
    private boolean partial;
    private boolean validateManifests;
    private KubeCapabilities capabilities = KubeCapabilities.DEFAULT;
    private String clusterUid = "";

    private Builder(ValueInputs inputs) {
      this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    /** The release (default: {@code release-name} in {@code default}). */
    public Builder release(Release release) {
      this.release = release;
      return this;
    }

    /** Lint the inputs as an overlay: no defaults, no render (default: false). */
    public Builder partial(boolean partial) {
      this.partial = partial;
      return this;
    }

    /** Check the rendered objects as the API server would (default: false). */
    public Builder validateManifests(boolean validateManifests) {
      this.validateManifests = validateManifests;
      return this;
    }

    /** The cluster to render for (default: the newest Kubernetes, no extra API versions). */
    public Builder capabilities(KubeCapabilities capabilities) {
      this.capabilities = capabilities;
      return this;
    }

    /** The cluster UID (default: empty, as Helm renders offline). */
    public Builder clusterUid(String clusterUid) {
      this.clusterUid = clusterUid;
      return this;
    }

    /** The request with these settings. */
    public PipelineRequest build() {
      return new PipelineRequest(
          inputs, release, partial, validateManifests, capabilities, clusterUid);
    }
  }
}
