package dev.pwk.release;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@link ReleaseManager#discover(boolean)} learnt about the cluster, to render for it.
 *
 * @param major Kubernetes major version
 * @param minor Kubernetes minor version
 * @param gitVersion the server's own version text, e.g. {@code v1.20.2}
 * @param apiVersions every served {@code group/version}, plus {@code v1} for the core group
 * @param clusterUid the UID of the {@code kube-system} namespace; empty when it was not looked up
 *     or could not be read
 */
public record ClusterInfo(
    int major, int minor, String gitVersion, Set<String> apiVersions, String clusterUid) {

  public ClusterInfo {
    Objects.requireNonNull(gitVersion, "gitVersion");
    apiVersions = Collections.unmodifiableSortedSet(new TreeSet<>(apiVersions));
    Objects.requireNonNull(clusterUid, "clusterUid");
  }

  /** True when the cluster serves {@code groupVersion}, e.g. {@code policy/v1}. */
  public boolean serves(String groupVersion) {
    return apiVersions.contains(groupVersion);
  }
}
