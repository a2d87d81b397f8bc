package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pwk.cli.Pwk;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code pwk} in-process, as a user would from a shell, against the test's cluster. */
final class PwkCli {
  private PwkCli() {}

  /** The outcome of one command. */
  record Run(List<String> args, int exitCode, String out, String err) {
    /** Fails unless the command exited 0, showing what it printed. */
    Run assertSucceeded() {
      assertEquals(0, exitCode, () -> this + " failed");
      return this;
    }

    @Override
    public String toString() {
      return "pwk "
          + String.join(" ", args)
          + " (exit "
          + exitCode
          + ")\n--- stdout:\n"
          + out
          + "--- stderr:\n"
          + err;
    }
  }

  /**
   * Runs {@code pwk <args> --kubeconfig <the cluster's> -n <namespace>}, capturing standard output
   * and error.
   */
  static Run run(Cluster cluster, TestNamespace ns, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString(), "-n", ns.name()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine pwk = Pwk.newCommandLine();
    pwk.setOut(new PrintWriter(out, true));
    pwk.setErr(new PrintWriter(err, true));
    int code = pwk.execute(all.toArray(String[]::new));
    return new Run(List.copyOf(all), code, out.toString(), err.toString());
  }
}
