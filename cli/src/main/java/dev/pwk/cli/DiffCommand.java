package dev.pwk.cli;

import dev.pwk.release.ObjectDiff;
import dev.pwk.release.ReleaseOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk diff NAME}: what an upgrade would change, against the live objects. */
@Command(
    addMethodSubcommands = false,
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what an upgrade with these values would change.",
      "Compares a server-side dry run with the live objects, as unified diffs."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:shown; with --detailed-exitcode: no differences",
      "1:the values have errors, or the comparison failed; with --detailed-exitcode: any failure",
      "2:usage error, unreadable input or an unreachable cluster; with --detailed-exitcode:"
          + " differences"
    })
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Release name.")
  String name;

  @Mixin ValuesOptions values;
  @Mixin KubeOptions kube;

  @Option(
      names = "--detailed-exitcode",
      description =
          "Exit 0 when there are no differences, 2 when there are, and 1 on any failure, as"
              + " helm diff and terraform plan do.")
  boolean detailedExitCode;

  @Option(names = "--no-color", description = "No colour in diagnostics (also: NO_COLOR).")
  boolean noColor;

  @Override
  public Integer call() {
    try {
      return compare();
    } catch (UserException e) {
      throw new UserException(e.getMessage(), failureCode(detailedExitCode, e.exitCode()));
    }
  }

  /**
   * The exit code of a failure. With {@code --detailed-exitcode}, 2 means "there are differences",
   * so that CI can tell changes from errors; every failure then exits 1.
   */
  static int failureCode(boolean detailedExitCode, int exitCode) {
    return detailedExitCode && exitCode == ExitCodes.USAGE ? ExitCodes.FINDINGS : exitCode;
  }

  private int compare() {
    NameArguments.check(spec, name, kube.namespace);
    try (ReleaseSession session = ReleaseSession.open(kube, spec.commandLine().getErr(), noColor)) {
      var plan = session.plan(name, values, ReleaseOptions.defaults());
      List<ObjectDiff> diffs = ReleaseSession.call(() -> session.manager().diff(plan));
      PrintWriter out = spec.commandLine().getOut();
      boolean changed = false;
      for (ObjectDiff d : diffs) {
        if (d.changed()) {
          changed = true;
          out.print(d.diff().endsWith("\n") ? d.diff() : d.diff() + "\n");
        }
      }
      if (!changed) {
        spec.commandLine().getErr().println("no differences");
      }
      out.flush();
      return detailedExitCode && changed ? ExitCodes.CHANGES : ExitCodes.OK;
    } catch (ReleaseSession.Stop stop) {
      return failureCode(detailedExitCode, stop.exitCode);
    }
  }
}
