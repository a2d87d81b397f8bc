package dev.pwk.release;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One look at the API server's address before any request: does something listen there, and does it
 * answer (a TLS handshake, or the first byte of an HTTP response)? The client retries I/O errors
 * and timeouts with backoff, which suits a busy server but makes a wrong address take seconds, and
 * a server that accepts connections and never answers take a minute, to report.
 */
final class ServerProbe {
  private ServerProbe() {}

  /**
   * @throws ReleaseException of kind {@link ReleaseException.Kind#UNREACHABLE} when nothing listens
   *     or nothing answers in time
   */
  static void check(URL server, Duration timeout) {
    String host = server.getHost();
    int port = server.getPort() > 0 ? server.getPort() : server.getDefaultPort();
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      if ("https".equalsIgnoreCase(server.getProtocol())) {
        handshake(socket, host, port);
      } else {
        socket
            .getOutputStream()
            .write(
                ("GET /version HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getInputStream().read();
      }
    } catch (InterruptedIOException e) {
      throw new ReleaseException(
          ReleaseException.Kind.UNREACHABLE,
          "the Kubernetes API server at "
              + server
              + " accepted the connection but did not answer within "
              + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms"));
    } catch (IOException e) {
      throw new ReleaseException(
          ReleaseException.Kind.UNREACHABLE,
          "cannot reach the Kubernetes API server at " + server + " (" + e.getMessage() + ")");
    }
  }

  /**
   * A TLS handshake with the JDK's default trust: a certificate it does not trust still proves that
   * the server answers (the client itself trusts what the kubeconfig says).
   */
  private static void handshake(Socket socket, String host, int port) throws IOException {
    SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
    try (SSLSocket tls = (SSLSocket) factory.createSocket(socket, host, port, false)) {
      tls.startHandshake();
    } catch (SSLException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SocketTimeoutException timeout) {
          throw timeout;
        }
      }
    }
  }
}
