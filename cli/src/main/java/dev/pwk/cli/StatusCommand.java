package dev.pwk.cli;

import dev.pwk.release.ObjectState;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk status NAME}: the current revision, its objects and their readiness. */
@Command(
    addMethodSubcommands = false,
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a release's current revision, its objects and whether they are ready.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown", "1:no such release", "2:usage error or an unreachable cluster"})
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Release name.")
  String name;

  @Mixin KubeOptions kube;

  @Override
  public Integer call() {
    NameArguments.check(spec, name, kube.namespace);
    try (ReleaseSession session = ReleaseSession.open(kube, spec.commandLine().getErr(), true)) {
      var report = ReleaseSession.call(() -> session.manager().status(name, session.namespace));
      var r = report.revision();
      PrintWriter out = spec.commandLine().getOut();
      out.println("NAME: " + r.name());
      out.println("NAMESPACE: " + r.namespace());
      out.println("REVISION: " + r.revision());
      out.println("STATUS: " + r.status().toString());
      out.println("UPDATED: " + r.updated());
      out.println(
          "CHART: "
              + r.chart().name()
              + "-"
              + r.chart().version()
              + " (app "
              + r.chart().appVersion()
              + ")");
      out.println("DESCRIPTION: " + r.description());
      out.println("READY: " + (report.ready() ? "yes" : "no"));
      out.println("OBJECTS:");
      for (ObjectState o : report.objects()) {
        String state = !o.exists() ? "missing" : o.ready() ? "ready" : "not ready";
        out.println(
            "  " + o.ref() + "  " + state + (o.detail().isEmpty() ? "" : "  " + o.detail()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
