package dev.pwk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** One black-box run of {@code pwk}: exit code and captured output. */
record CliRun(int exitCode, String out, String err) {

  static final Path FIXTURES = Path.of("src", "test", "resources", "cli");

  static CliRun of(String... args) {
    return run(Pwk.newCommandLine(), args);
  }

  /** A run on the command line {@code Pwk.main} builds, which has only the command it runs. */
  static CliRun ofMain(String... args) {
    return run(Pwk.forArgs(args), args);
  }

  private static CliRun run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static String fixture(String name) {
    return FIXTURES.resolve(name).toString();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
