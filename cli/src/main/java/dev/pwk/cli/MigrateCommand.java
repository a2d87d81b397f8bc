package dev.pwk.cli;

import dev.pwk.values.ChartHistory;
import dev.pwk.values.Finding;
import dev.pwk.values.Migration;
import dev.pwk.values.UnifiedDiff;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesMigrator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk migrate}: brings values files written for older chart releases to the current one. */
@Command(
    addMethodSubcommands = false,
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Migrate values files written for an older chart release (since 2023).",
      "Detects the releases a file was written for and applies every later rename, move, type"
          + " change and removal of the chart's history as an edit: comments, order, quoting and"
          + " untouched lines stay as they are. A removed setting that is not its old default is"
          + " reported as a warning. Prints the migrated file (one FILE); see --write, --diff and"
          + " --check."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:migrated or already current (warnings allowed)",
      "1:with --check, a file needs migrating",
      "2:usage error, unreadable or invalid YAML file, or an unknown --from release"
    })
final class MigrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Values files to migrate.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--write", description = "Rewrite each file in place (atomically, same mode).")
  boolean write;

  @Option(names = "--diff", description = "Print a unified diff per file instead.")
  boolean diff;

  @Option(
      names = "--check",
      description = "Write nothing; exit 1 when a file needs migrating (for CI and pre-commit).")
  boolean check;

  @Option(
      names = "--from",
      paramLabel = "RELEASE",
      description = "The chart release the files were written for, instead of detecting it.")
  String from;

  @Override
  public Integer call() {
    if ((write ? 1 : 0) + (diff ? 1 : 0) + (check ? 1 : 0) > 1) {
      throw new ParameterException(spec.commandLine(), "choose one of --write, --diff, --check");
    }
    if (files.size() > 1 && !write && !diff && !check) {
      throw new ParameterException(
          spec.commandLine(), "several files need --write, --diff or --check");
    }
    if (from != null && ChartHistory.load().distinctOf(from).isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "unknown chart release '" + from + "' for --from; give a prefect-worker chart version");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ValuesMigrator migrator = new ValuesMigrator();
    int exit = ExitCodes.OK;
    for (Path file : files) {
      Migration m;
      try {
        m = migrator.migrate(file.toString(), read(file), from);
      } catch (ValuesException e) {
        for (Finding p : e.problems()) {
          err.println(p);
        }
        exit = ExitCodes.USAGE;
        continue;
      } catch (UserException e) {
        err.println("pwk migrate: " + e.getMessage());
        exit = ExitCodes.USAGE;
        continue;
      }
      report(err, m);
      if (check) {
        if (m.needed() && exit == ExitCodes.OK) {
          exit = ExitCodes.FINDINGS;
        }
      } else if (diff) {
        out.print(UnifiedDiff.diff("a/" + file, m.original(), "b/" + file, m.migrated()));
      } else if (write) {
        if (!m.migrated().equals(m.original())) {
          try {
            AtomicFiles.replace(file, m.migrated());
          } catch (UserException e) {
            err.println("pwk migrate: " + e.getMessage());
            exit = ExitCodes.USAGE;
          }
        }
      } else {
        out.print(m.migrated());
      }
    }
    out.flush();
    err.flush();
    return exit;
  }

  private void report(PrintWriter err, Migration m) {
    String fit = "written for chart " + m.writtenFor().describe();
    if (!m.needed()) {
      err.println(m.name() + ": up to date (" + fit + ")");
      return;
    }
    err.println(
        m.name()
            + ": "
            + fit
            + (m.fromRelease() == null ? "" : "; applying the changes after " + m.fromRelease()));
    for (Migration.Change c : m.changes()) {
      err.println(m.name() + ": " + (c.warning() ? "warning: " : "") + c.message());
    }
    // Several fields can share one explanation; each is said once.
    m.workerChanges().stream()
        .map(w -> "the worker also changed in chart " + w.release() + ": " + w.note())
        .distinct()
        .forEach(line -> err.println(m.name() + ": " + line));
    if (check) {
      err.println(m.name() + ": needs migrating; run: pwk migrate --write " + m.name());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserException("file not found: " + file, ExitCodes.USAGE);
    } catch (IOException | UncheckedIOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage(), ExitCodes.USAGE);
    }
  }
}
