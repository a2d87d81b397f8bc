package dev.pwk.cli;

import dev.pwk.kube.Release;
import dev.pwk.pipeline.Pipeline;
import dev.pwk.pipeline.PipelineRequest;
import dev.pwk.pipeline.PipelineResult;
import dev.pwk.validator.LintTarget;
import dev.pwk.values.ValueInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk lint}: checks values files and reports every problem at its line. */
@Command(
    addMethodSubcommands = false,
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Lint worker values files; every finding points at its file:line:column.",
      "Checks the chart's schema, the values the chart requires at render time (all of them as"
          + " errors at their line; helm lint only logs them as warnings and exits 0), the base"
          + " job template, and review rules.",
      "",
      "FILE arguments are linted one by one, each over the chart defaults (and over any -f files"
          + " given), which is what pre-commit passes. Without FILE arguments, the merge of the -f"
          + " files and --set flags is linted as one, exactly as pwk template and helm would see"
          + " it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors (warnings allowed)",
      "1:errors found, or warnings with --strict",
      "2:usage error or unreadable input"
    })
final class LintCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ReportOptions report;

  @Mixin ValuesOptions values;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Values files to lint one by one.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--partial",
      description = "Lint overlay files on their own: types and unknown keys only, no defaults.")
  boolean partial;

  @Option(
      names = "--release",
      paramLabel = "NAME",
      defaultValue = "release-name",
      description = "Release name the generated names are checked for (default: ${DEFAULT-VALUE}).")
  String release;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      defaultValue = "default",
      description = "Release namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--allow-key",
      paramLabel = "KEY",
      description =
          "A top-level key that is not a typo (one an umbrella chart reads); repeatable. Adds to"
              + " lint.allowKeys of .pwk.yaml.")
  List<String> allowKeys = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Lint settings (lint.allowKeys) from FILE instead of the nearest .pwk.yaml in the"
              + " working directory or above it.")
  Path config;

  @Override
  public Integer call() throws IOException {
    if (files.isEmpty() && values.files.isEmpty() && !values.hasFlags()) {
      throw new ParameterException(
          spec.commandLine(), "nothing to lint: name values files, or give -f/--set");
    }
    NameArguments.check(spec, release, namespace);
    LintConfig settings = LintConfig.load(config, Path.of(""));
    List<String> allowed = new ArrayList<>(settings.allowKeys());
    allowed.addAll(allowKeys);
    Pipeline pipeline = Pipeline.create().allowingTopLevelKeys(allowed);
    Release target = new Release(release, namespace);
    List<LintTarget> targets = new ArrayList<>();
    if (files.isEmpty()) {
      targets.add(lint(pipeline, target, values.inputs(), mergedName()));
    } else {
      // Files are independent and the pipeline is thread-safe: use every core.
      // The report keeps the order of the arguments. One file, the common pre-commit call,
      // stays on the main thread: starting the pool costs more than it saves.
      targets.addAll(
          (files.size() == 1 ? files.stream() : files.parallelStream())
              .map(f -> lint(pipeline, target, values.inputs(List.of(f)), f.toString()))
              .toList());
    }
    return report.print(spec, targets);
  }

  private String mergedName() {
    List<String> names = new ArrayList<>();
    values.files.forEach(f -> names.add(f.toString()));
    if (values.hasFlags()) {
      names.add("flags");
    }
    return String.join(" + ", names);
  }

  private LintTarget lint(Pipeline pipeline, Release target, ValueInputs inputs, String name) {
    PipelineResult result =
        pipeline.run(PipelineRequest.builder(inputs).release(target).partial(partial).build());
    return new LintTarget(name, result.findings(), result.sources(), result.secrets());
  }
}
