package dev.pwk.cli;

import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk rollback NAME [REVISION]}: re-applies a recorded revision. */
@Command(
    addMethodSubcommands = false,
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Roll a release back to a recorded revision.",
      "Default: the previous deployed one. Its objects are re-applied as a new revision."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rolled back",
      "1:no such release or revision, or applying failed",
      "2:usage error or an unreachable cluster"
    })
final class RollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Release name.")
  String name;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "REVISION",
      description = "Revision to return to.")
  Integer revision;

  @Mixin KubeOptions kube;
  @Mixin ReleaseFlags flags;

  @Override
  public Integer call() {
    NameArguments.check(spec, name, kube.namespace);
    var options = flags.options(false);
    try (ReleaseSession session =
        ReleaseSession.open(kube, spec.commandLine().getErr(), true, flags.timeout())) {
      var result =
          ReleaseSession.call(
              () ->
                  session
                      .manager()
                      .rollback(
                          name,
                          session.namespace,
                          revision == null ? OptionalInt.empty() : OptionalInt.of(revision),
                          options));
      ReleaseSession.printResult(spec.commandLine().getOut(), result);
      return ExitCodes.OK;
    }
  }
}
