/**
 * Installs, upgrades, rolls back and removes pwk releases on a Kubernetes cluster.
 *
 * <p>{@link dev.pwk.release.ReleaseManager} is the entry point. It takes objects that are already
 * rendered, applies them with server-side apply under the field manager {@code pwk}, and keeps one
 * record per revision: a Secret of type {@code pwk.dev/release.v1} in the release namespace, like
 * Helm's release Secrets. Every cluster call goes through the one {@code KubernetesClient} given to
 * the manager.
 */
package dev.pwk.release;
