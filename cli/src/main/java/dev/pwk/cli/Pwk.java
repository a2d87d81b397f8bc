package dev.pwk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code pwk} command: lint, render, install and document Prefect workers. */
@Command(
    addMethodSubcommands = false,
    name = "pwk",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "prefect worker kit: the prefect-worker Helm chart, without Helm.",
      "Lint values, render manifests, manage worker releases on a cluster, generate docs.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; no errors (warnings allowed)",
      "1:errors found (or warnings with --strict), or the operation failed",
      "2:usage error, unreadable input or an unreachable cluster"
    })
public final class Pwk implements Runnable {
  @Spec CommandSpec spec;

  /**
   * The subcommands, in the order {@code --help} lists them. Commands are registered here rather
   * than in the annotation so that a run builds only the model of the command it needs, which a
   * pre-commit hook pays for on every commit. The models come from {@link #model}.
   */
  private static final List<String> COMMANDS =
      List.of(
          "lint",
          "lint-job-template",
          "migrate",
          "template",
          "install",
          "upgrade",
          "rollback",
          "uninstall",
          "status",
          "history",
          "diff",
          "docs",
          "schema",
          "show",
          "completion");

  /**
   * A new instance of the command {@code name}. A switch rather than a map of constructor
   * references: linking fifteen method references slows every start.
   */
  static Object command(String name) {
    switch (name) {
      case "lint":
        return new LintCommand();
      case "lint-job-template":
        return new LintJobTemplateCommand();
      case "migrate":
        return new MigrateCommand();
      case "template":
        return new TemplateCommand();
      case "install":
        return new InstallCommand();
      case "upgrade":
        return new UpgradeCommand();
      case "rollback":
        return new RollbackCommand();
      case "uninstall":
        return new UninstallCommand();
      case "status":
        return new StatusCommand();
      case "history":
        return new HistoryCommand();
      case "diff":
        return new DiffCommand();
      case "docs":
        return new DocsCommand();
      case "schema":
        return new SchemaCommand();
      case "show":
        return new ShowCommand();
      case "completion":
        return new CompletionCommand();
      default:
        throw new IllegalArgumentException("no command " + name);
    }
  }

  /** The subcommand names, in the order {@code --help} lists them. */
  static List<String> commandNames() {
    return COMMANDS;
  }

  /** The types whose picocli converters {@link #main} leaves out (a regex of class names). */
  static final String EXCLUDED_CONVERTERS = "java\\.(sql|time)\\..*";

  /** Runs pwk and exits with its exit code. */
  public static void main(String[] args) {
    setStartupProperties();
    CommandLine cl = forArgs(args);
    int code = cl.execute(args);
    // picocli's writers buffer; exiting without a flush would cut the output short.
    cl.getOut().flush();
    cl.getErr().flush();
    System.exit(code);
  }

  /**
   * Sets the system properties {@link #main} runs with, for a process that runs pwk's commands
   * itself (the start-up archive's training run) and should load what {@code main} loads.
   */
  public static void setStartupProperties() {
    // Start-up: picocli otherwise looks for Groovy on the class path (a miss that searches the
    // whole jar) and registers converters for java.sql and java.time types by reflection. pwk has
    // no
    // Groovy closures and no option of those types.
    System.setProperty("picocli.disable.closures", "true");
    System.setProperty("picocli.converters.excludes", EXCLUDED_CONVERTERS);
  }

  /**
   * The command line {@link #main} runs {@code args} with: when they start with a command's name,
   * only that command is registered (see {@link #COMMANDS}).
   */
  static CommandLine forArgs(String[] args) {
    return args.length > 0 && COMMANDS.contains(args[0]) ? configure(args[0]) : newCommandLine();
  }

  /**
   * A configured command line with every command: short error messages instead of stack traces for
   * user mistakes, and the exit codes listed in {@code --help}. Tests call {@code execute} on it
   * after setting their own out and err writers.
   */
  public static CommandLine newCommandLine() {
    return configure(null);
  }

  /**
   * The models the build generates from the annotations (class {@code CommandModels}, written to
   * target/generated-sources by the cli tests' {@code CommandModelsSource} and compiled after the
   * commands); null in a build that made none, such as one that skips compiling the tests.
   */
  private static final Function<Object, CommandSpec> GENERATED = generatedModels();

  @SuppressWarnings("unchecked")
  private static Function<Object, CommandSpec> generatedModels() {
    try {
      return (Function<Object, CommandSpec>)
          Class.forName("dev.pwk.cli.CommandModels").getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /**
   * The picocli model of {@code command}: the generated one, which picocli builds without reading
   * annotations (each annotation type is a proxy class made at run time, which no archive holds on
   * JDK 17), or else the one picocli reads from the annotations. Both are the same model.
   */
  static CommandSpec model(Object command) {
    return GENERATED != null ? GENERATED.apply(command) : CommandSpec.forAnnotatedObject(command);
  }

  /** True when the commands' models come from the generated code. */
  static boolean usesGeneratedModels() {
    return GENERATED != null;
  }

  /** The root command with every subcommand, or only {@code only} when it is not null. */
  private static CommandLine configure(String only) {
    CommandLine cl = new CommandLine(model(new Pwk()));
    for (String name : COMMANDS) {
      if (only == null || only.equals(name)) {
        cl.addSubcommand(name, model(command(name)));
      }
    }
    if (only == null) {
      cl.addSubcommand("help", new CommandLine.HelpCommand());
    }
    cl.setExecutionExceptionHandler(Pwk::handleExecutionException);
    cl.setParameterExceptionHandler(Pwk::handleParameterException);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    shareVersion(cl, cl.getCommandSpec().versionProvider());
    return cl;
  }

  /** Every command offers -V (picocli's standard help options); each prints pwk's version. */
  private static void shareVersion(CommandLine cl, IVersionProvider version) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(version);
      shareVersion(sub, version);
    }
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }

  private static int handleParameterException(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("pwk: " + UsageMessages.of(e));
    String name = cl.getCommandSpec().qualifiedName(" ");
    err.println("Run '" + name + " --help' for usage.");
    boolean detailedDiff =
        cl.getCommandSpec().userObject() instanceof DiffCommand
            && List.of(args).contains("--detailed-exitcode");
    return DiffCommand.failureCode(detailedDiff, ExitCodes.USAGE);
  }

  private static int handleExecutionException(
      Exception e, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (e instanceof UserException u) {
      err.println("pwk: " + u.getMessage());
      return u.exitCode();
    }
    err.println("pwk: internal error: " + e);
    if (System.getenv("PWK_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("Set PWK_DEBUG=1 to see the stack trace, and please report it.");
    }
    return ExitCodes.FINDINGS;
  }
}
