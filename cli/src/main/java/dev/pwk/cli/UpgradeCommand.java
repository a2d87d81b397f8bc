package dev.pwk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk upgrade NAME}: applies a new render and prunes what it no longer has. */
@Command(
    addMethodSubcommands = false,
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Upgrade a worker release to new values.",
      "Lints the values (before contacting the cluster), applies the new render, deletes objects"
          + " the previous revision had and this one has not (such as the HPA when autoscaling is"
          + " turned off), and records a revision."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:upgraded",
      "1:the values have errors, no such release, a concurrent upgrade, or applying failed",
      "2:usage error, unreadable input or an unreachable cluster"
    })
final class UpgradeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Release name.")
  String name;

  @Mixin ValuesOptions values;
  @Mixin KubeOptions kube;
  @Mixin ReleaseFlags flags;

  @Option(
      names = {"-i", "--install"},
      description = "Install the release when it does not exist yet.")
  boolean install;

  @Option(
      names = "--create-namespace",
      description = "With --install: create the namespace if it is missing.")
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
      var result = ReleaseSession.call(() -> session.manager().upgrade(plan, install));
      ReleaseSession.printResult(spec.commandLine().getOut(), result);
      return ExitCodes.OK;
    } catch (ReleaseSession.Stop stop) {
      return stop.exitCode;
    }
  }
}
