package dev.pwk.release;

/**
 * A release operation that could not be done. The message is one line written for the user; the
 * {@link #kind() kind} says what went wrong, for a caller that reacts differently to each (the
 * command line turns it into an exit code).
 */
public final class ReleaseException extends RuntimeException {
  /** What went wrong. */
  public enum Kind {
    /** The release name or namespace is not one Kubernetes and Helm accept. */
    INVALID_NAME,
    /** The kubeconfig cannot be read or has no such context. */
    BAD_KUBECONFIG,
    /** The API server cannot be reached, or accepts the connection and does not answer. */
    UNREACHABLE,
    /** The API server rejected the credentials (401). */
    UNAUTHENTICATED,
    /** The release, a revision of it or its namespace does not exist. */
    NOT_FOUND,
    /** An install found the release already installed. */
    ALREADY_EXISTS,
    /** An object the release would apply belongs to another release or to no release. */
    NOT_OWNED,
    /** Another operation holds the release's lock. */
    LOCKED,
    /** Another client changed the release record or an object at the same time. */
    CONFLICT,
    /** RBAC forbids a call the operation needs (403). */
    FORBIDDEN,
    /** The API server refused an object as invalid (422). */
    REJECTED,
    /** A Deployment did not roll out in time, or the wait was interrupted. */
    ROLLOUT_FAILED,
    /** Any other failure: an API error, an unreadable answer, a record with nothing to restore. */
    FAILED;

    /**
     * True when the cluster cannot be used at all (unreachable or rejecting the credentials), so
     * nothing more can be written to it.
     */
    public boolean clusterUnusable() {
      return this == UNREACHABLE || this == UNAUTHENTICATED;
    }
  }

  private static final long serialVersionUID = 1L;
  private final Kind kind;

  ReleaseException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }
}
