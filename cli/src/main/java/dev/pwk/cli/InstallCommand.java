package dev.pwk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk install NAME}: renders for the cluster and applies a new release. */
@Command(
    addMethodSubcommands = false,
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install a worker release on a cluster.",
      "Lints the values (before contacting the cluster), renders for the cluster's version,"
          + " applies every object with server-side apply (field manager pwk) and records"
          + " revision 1."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:installed",
      "1:the values have errors, the release exists, or applying failed",
      "2:usage error, unreadable input or an unreachable cluster"
    })
final class InstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Release name.")
  String name;

  @Mixin ValuesOptions values;
  @Mixin KubeOptions kube;
  @Mixin ReleaseFlags flags;

  @Option(names = "--create-namespace", description = "Create the namespace if it is missing.")
  boolean createNamespace;

  @Option(names = "--no-color", description = "No colour in diagnostics (also: NO_COLOR).")
  boolean noColor;

  @Override
  public Integer call() {
    NameArguments.check(spec, name, kube.namespace);
    var options = flags.options(createNamespace);
    try (ReleaseSession session =
        ReleaseSession.open(kube, spec.commandLine().getErr(), noColor, flags.timeout())) {
      var plan = session.plan(name, values, options);
      var result = ReleaseSession.call(() -> session.manager().install(plan));
      ReleaseSession.printResult(spec.commandLine().getOut(), result);
      return ExitCodes.OK;
    } catch (ReleaseSession.Stop stop) {
      return stop.exitCode;
    }
  }
}
