package dev.pwk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk uninstall NAME}: deletes exactly the release's objects, then its records. */
@Command(
    addMethodSubcommands = false,
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = "Delete exactly the objects of a release, then its records.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:uninstalled",
      "1:no such release, or deleting failed",
      "2:usage error or an unreachable cluster"
    })
final class UninstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Release name.")
  String name;

  @Mixin KubeOptions kube;

  @Option(names = "--keep-history", description = "Keep the release records (marked uninstalled).")
  boolean keepHistory;

  @Override
  public Integer call() {
    NameArguments.check(spec, name, kube.namespace);
    try (ReleaseSession session = ReleaseSession.open(kube, spec.commandLine().getErr(), true)) {
      var result =
          ReleaseSession.call(
              () -> session.manager().uninstall(name, session.namespace, keepHistory));
      PrintWriter out = spec.commandLine().getOut();
      result.kept().forEach(o -> out.println("kept " + o + " (not owned by this release)"));
      out.println(
          "release \""
              + name
              + "\" uninstalled: "
              + result.deleted().size()
              + (result.deleted().size() == 1 ? " object" : " objects")
              + " deleted"
              + (result.historyKept() ? "; history kept" : ""));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
