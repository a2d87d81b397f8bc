package dev.pwk.release;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The pwk process that holds a pending release record, named for people reading the record. The
 * name decides nothing: whether the holder still runs is told by its lock's expiry alone (see
 * {@link Lease}), since processes in other containers or pods may share the host name and pid.
 *
 * @param id this process, as {@code host/pid/nonce}; the random nonce keeps two holders apart when
 *     host name and pid are equal
 */
record LockOwner(String id) {
  private static final SecureRandom RANDOM = new SecureRandom();

  LockOwner {
    Objects.requireNonNull(id, "id");
  }

  static LockOwner thisProcess() {
    byte[] nonce = new byte[4];
    RANDOM.nextBytes(nonce);
    return new LockOwner(
        hostName() + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(nonce));
  }

  /** The host name, from the environment when set, since a DNS lookup can be slow. */
  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "unknown-host";
      }
    }
    return host.replace('/', '_');
  }
}
