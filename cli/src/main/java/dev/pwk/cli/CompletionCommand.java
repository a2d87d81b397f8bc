package dev.pwk.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk completion bash|zsh}: prints a shell completion script. */
@Command(
    addMethodSubcommands = false,
    name = "completion",
    description = {
      "Print a shell completion script for bash or zsh.",
      "Load it in the shell, or in its startup file:",
      "  source <(pwk completion bash)",
      "  source <(pwk completion zsh)"
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "2:usage error"})
final class CompletionCommand implements Callable<Integer> {
  /** The shells with a completion script. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
  Shell shell;

  @Override
  public Integer call() {
    // Every command, whatever main registered for this run (it builds only the command it runs).
    String script = AutoComplete.bash("pwk", Pwk.newCommandLine());
    spec.commandLine().getOut().print(script);
    return ExitCodes.OK;
  }
}
