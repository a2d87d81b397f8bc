package dev.pwk.cli.release;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The pwk process that holds a pending release record, and a test of whether another holder is
 * gone. A holder on this host whose process no longer runs (pwk was stopped with Ctrl-C) is gone at
 * once; holders on other hosts are trusted until their lock expires.
 *
 * @param id this process, as {@code host/pid/start-millis}
 * @param gone whether the process named by an id is known to have ended
 */
record LockOwner(String id, Predicate<String> gone) {

  LockOwner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(gone, "gone");
  }

  static LockOwner thisProcess() {
    String host = hostName();
    ProcessHandle self = ProcessHandle.current();
    String id = host + "/" + self.pid() + "/" + startMillis(self);
    return new LockOwner(id, other -> isGoneOnThisHost(other, host));
  }

  private static boolean isGoneOnThisHost(String other, String host) {
    String[] parts = other.split("/");
    if (parts.length != 3 || !parts[0].equals(host)) {
      return false;
    }
    try {
      long pid = Long.parseLong(parts[1]);
      long start = Long.parseLong(parts[2]);
      return ProcessHandle.of(pid).map(p -> startMillis(p) != start).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
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
