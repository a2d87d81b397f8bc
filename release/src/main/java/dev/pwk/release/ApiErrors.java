package dev.pwk.release;

import dev.pwk.release.ReleaseException.Kind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns client failures into one-line {@link ReleaseException}s. */
final class ApiErrors {
  static final int FORBIDDEN = 403;
  static final int NOT_FOUND = 404;
  static final int CONFLICT = 409;
  private static final int UNAUTHORIZED = 401;
  private static final int INVALID = 422;
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int SERVER_ERROR = 500;

  private ApiErrors() {}

  static boolean is(KubernetesClientException e, int code) {
    return e.getCode() == code;
  }

  /**
   * The user-facing error for a failed call.
   *
   * @param doing what pwk was doing, e.g. {@code applying Deployment prefect/prefect-worker}
   * @param server the API server URL, named when it cannot be reached
   */
  static ReleaseException translate(KubernetesClientException e, String doing, String server) {
    String reason = message(e);
    int code = e.getCode();
    if (code <= 0) {
      String cause = unreachableCause(e);
      if (cause != null) {
        return new ReleaseException(
            Kind.UNREACHABLE,
            "cannot reach the Kubernetes API server at " + server + " (" + cause + ")");
      }
      return new ReleaseException(Kind.FAILED, doing + " failed: " + reason);
    }
    if (code == UNAUTHORIZED) {
      return new ReleaseException(
          Kind.UNAUTHENTICATED,
          "the Kubernetes API server at "
              + server
              + " rejected the credentials (401 Unauthorized); check the kubeconfig context");
    }
    if (code == FORBIDDEN) {
      return new ReleaseException(Kind.FORBIDDEN, doing + " is forbidden by RBAC: " + reason);
    }
    if (code == CONFLICT) {
      return new ReleaseException(
          Kind.CONFLICT,
          doing
              + " failed: another client changed the object at the same time ("
              + reason
              + "); retry");
    }
    if (code == INVALID) {
      return new ReleaseException(
          Kind.REJECTED, doing + " was rejected by the API server: " + reason);
    }
    if (code == TOO_MANY_REQUESTS || code >= SERVER_ERROR) {
      return new ReleaseException(
          Kind.FAILED,
          doing + " failed with HTTP " + code + " after retrying with backoff: " + reason);
    }
    return new ReleaseException(Kind.FAILED, doing + " failed with HTTP " + code + ": " + reason);
  }

  /** The server's own message, on one line, or the exception's when there is none. */
  private static String message(KubernetesClientException e) {
    Status status = e.getStatus();
    String text = status != null && status.getMessage() != null ? status.getMessage() : null;
    if (text == null || text.isBlank()) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
    return text.replaceAll("\\s+", " ").trim();
  }

  /** Why the server could not be reached, or null when the failure is something else. */
  private static String unreachableCause(Throwable e) {
    boolean io = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return "connection refused";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
      if (t instanceof HttpTimeoutException
          || t instanceof SocketTimeoutException
          || t instanceof TimeoutException) {
        return "timed out";
      }
      if (t instanceof SSLException) {
        return "TLS failure: " + t.getMessage();
      }
      io |= t instanceof IOException;
    }
    return io ? "I/O error" : null;
  }
}
