package dev.pwk.cli;

import dev.pwk.release.ReleaseOptions;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Flags shared by install, upgrade and rollback. */
@Command(addMethodSubcommands = false)
final class ReleaseFlags {
  @Option(
      names = "--wait",
      description = "Wait until the worker Deployment is rolled out (see --timeout).")
  boolean waitForRollout;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description =
          "How long --wait waits, e.g. 90s, 5m, 1h (default: ${DEFAULT-VALUE}); also caps each"
              + " request's connect and read timeout (10s).")
  String timeout;

  @Option(
      names = "--dry-run",
      paramLabel = "MODE",
      arity = "0..1",
      fallbackValue = "client",
      description =
          "Change nothing: 'client' renders and compares locally, 'server' sends every object"
              + " as a server-side dry run.")
  String dryRun;

  @Option(
      names = "--history-max",
      paramLabel = "N",
      defaultValue = "10",
      description = "Revision records to keep; 0 keeps all (default: ${DEFAULT-VALUE}).")
  int historyMax;

  /** The parsed {@code --timeout}. */
  Duration timeout() {
    return GoDuration.parse(timeout);
  }

  ReleaseOptions options(boolean createNamespace) {
    ReleaseOptions.DryRun mode;
    if (dryRun == null || dryRun.equals("none") || dryRun.equals("false")) {
      mode = ReleaseOptions.DryRun.NONE;
    } else if (dryRun.equals("client") || dryRun.equals("true")) {
      mode = ReleaseOptions.DryRun.CLIENT;
    } else if (dryRun.equals("server")) {
      mode = ReleaseOptions.DryRun.SERVER;
    } else {
      throw new UserException(
          "--dry-run takes client or server, not \"" + dryRun + "\"", ExitCodes.USAGE);
    }
    if (historyMax < 0) {
      throw new UserException("--history-max must be 0 or more", ExitCodes.USAGE);
    }
    return ReleaseOptions.defaults()
        .withCreateNamespace(createNamespace)
        .withWaitForRollout(waitForRollout)
        .withTimeout(timeout())
        .withDryRun(mode)
        .withHistoryMax(historyMax);
  }
}
