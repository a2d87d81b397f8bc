package dev.pwk.cli;

import dev.pwk.release.Revision;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk history NAME}: the recorded revisions. */
@Command(
    addMethodSubcommands = false,
    name = "history",
    mixinStandardHelpOptions = true,
    description = "List a release's recorded revisions.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "1:no such release", "2:usage error or an unreachable cluster"})
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Release name.")
  String name;

  @Mixin KubeOptions kube;

  @Override
  public Integer call() {
    NameArguments.check(spec, name, kube.namespace);
    try (ReleaseSession session = ReleaseSession.open(kube, spec.commandLine().getErr(), true)) {
      var revisions = ReleaseSession.call(() -> session.manager().history(name, session.namespace));
      PrintWriter out = spec.commandLine().getOut();
      String format = "%-9s %-21s %-17s %-31s %-12s %s%n";
      out.printf(format, "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION");
      for (Revision r : revisions) {
        out.printf(
            format,
            r.revision(),
            r.updated().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
            r.status().toString(),
            r.chart().name() + "-" + r.chart().version(),
            r.chart().appVersion(),
            r.description());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
