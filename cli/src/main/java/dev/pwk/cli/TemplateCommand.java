package dev.pwk.cli;

import dev.pwk.kube.Release;
import dev.pwk.pipeline.Pipeline;
import dev.pwk.pipeline.PipelineRequest;
import dev.pwk.pipeline.PipelineResult;
import dev.pwk.renderer.KubeCapabilities;
import dev.pwk.renderer.RenderedObject;
import dev.pwk.renderer.Rendering;
import dev.pwk.values.ValueInputs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pwk template}: renders the chart's manifests, as {@code helm template} does. */
@Command(
    addMethodSubcommands = false,
    name = "template",
    mixinStandardHelpOptions = true,
    description = {
      "Render the manifests the chart renders, as helm template prints them.",
      "Same objects, Helm's document order and the same '# Source:' lines, so the output diffs"
          + " cleanly against helm template. Values are linted first: errors stop the render"
          + " before anything is written; warnings go to standard error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rendered",
      "1:the values have errors (nothing was written)",
      "2:usage error or unreadable input"
    })
final class TemplateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ValuesOptions values;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      defaultValue = "release-name",
      description = "Release name (default: ${DEFAULT-VALUE}).")
  String releaseName;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      defaultValue = "default",
      description = "Release namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = {"-s", "--show-only"},
      paramLabel = "KIND[/NAME]",
      description =
          "Only print objects of this kind (and name), e.g. Deployment or Role/prefect-worker;"
              + " Helm's template paths (templates/deployment.yaml) work too. Repeatable.")
  List<String> showOnly = new ArrayList<>();

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description =
          "Write each template's objects to DIR/prefect-worker/templates/<file> instead of"
              + " standard output (each file replaced atomically).")
  Path outputDir;

  @Option(
      names = "--kube-version",
      paramLabel = "VERSION",
      description = "Kubernetes version to render for (default: the newest, ${DEFAULT-VALUE}).",
      defaultValue = "1.34")
  String kubeVersion;

  @Option(
      names = {"-a", "--api-versions"},
      paramLabel = "GROUP/VERSION",
      split = ",",
      description = "Extra API versions the cluster serves (repeatable).")
  List<String> apiVersions = new ArrayList<>();

  @Option(
      names = "--validate",
      description =
          "Check the rendered objects offline, as kubeconform would without network: unknown"
              + " and missing fields, names and labels, selectors, RBAC references.")
  boolean validate;

  @Option(
      names = "--each",
      paramLabel = "FILE",
      split = ",",
      description =
          "Render once per FILE (each over the -f files and flags) into --output-dir/<FILE name"
              + " without extension>/; nothing is written unless every FILE renders. Repeatable.")
  List<Path> each = new ArrayList<>();

  @Option(names = "--no-color", description = "No colour in diagnostics (also: NO_COLOR).")
  boolean noColor;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    NameArguments.check(spec, releaseName, namespace);
    KubeCapabilities capabilities;
    try {
      capabilities = KubeCapabilities.of(kubeVersion).withApiVersions(apiVersions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!each.isEmpty()) {
      return renderEach(capabilities);
    }
    Outcome one = render(values.inputs(), capabilities);
    err.print(one.diagnostics());
    err.flush();
    if (one.rendering() == null) {
      return one.exitCode();
    }
    Rendering selected = one.rendering().select(showOnlyFilter(one.rendering()));
    if (outputDir != null) {
      writeFiles(outputDir, filesOf(selected), true);
    } else {
      spec.commandLine().getOut().print(selected.toYaml());
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  /** A render of one set of values: the objects, or the exit code; and what to print. */
  private record Outcome(Rendering rendering, int exitCode, String diagnostics) {}

  private Outcome render(ValueInputs inputs, KubeCapabilities capabilities) {
    StringWriter text = new StringWriter();
    PrintWriter diagnostics = new PrintWriter(text);
    PipelineResult result =
        Pipeline.create()
            .run(
                PipelineRequest.builder(inputs)
                    .release(new Release(releaseName, namespace))
                    .capabilities(capabilities)
                    .validateManifests(validate)
                    .build());
    Diagnostics.print(diagnostics, result, noColor);
    if (result.rendering().isEmpty()) {
      return new Outcome(null, Diagnostics.exitCodeFor(result.findings()), text.toString());
    }
    return new Outcome(result.rendering().get(), ExitCodes.OK, text.toString());
  }

  /**
   * {@code --each}: one render per file, each layered over the {@code -f} files and flags, into its
   * own folder. All of them render before any is written, so a bad file writes nothing. Only the
   * YAML text of each render is kept until then (a few kilobytes a file), not its objects.
   */
  private int renderEach(KubeCapabilities capabilities) {
    if (outputDir == null) {
      throw new ParameterException(spec.commandLine(), "--each needs --output-dir");
    }
    List<String> stems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Path file : each) {
      String name = file.getFileName().toString();
      String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
      if (!seen.add(stem)) {
        throw new ParameterException(
            spec.commandLine(), "--each files must have distinct names; \"" + stem + "\" repeats");
      }
      stems.add(stem);
    }
    List<EachOutcome> outcomes =
        each.parallelStream()
            .map(
                f -> {
                  Outcome o = render(values.inputs(List.of(f)), capabilities);
                  Map<String, String> files =
                      o.rendering() == null
                          ? Map.of()
                          : filesOf(o.rendering().select(showOnlyFilter(o.rendering())));
                  return new EachOutcome(files, o.exitCode(), o.diagnostics());
                })
            .toList();
    PrintWriter err = spec.commandLine().getErr();
    int exit = ExitCodes.OK;
    for (int i = 0; i < outcomes.size(); i++) {
      EachOutcome o = outcomes.get(i);
      if (!o.diagnostics().isEmpty()) {
        err.println("== " + each.get(i));
        err.print(o.diagnostics());
      }
      exit = Math.max(exit, o.exitCode());
    }
    if (exit != ExitCodes.OK) {
      err.println("nothing written: fix the files above first");
      err.flush();
      return exit;
    }
    IntStream.range(0, outcomes.size())
        .parallel()
        .forEach(i -> writeFiles(outputDir.resolve(stems.get(i)), outcomes.get(i).files(), false));
    err.println("wrote " + each.size() + " renders to " + outputDir);
    err.flush();
    return ExitCodes.OK;
  }

  /** One {@code --each} render: its files' texts by template name, or the exit code. */
  private record EachOutcome(Map<String, String> files, int exitCode, String diagnostics) {}

  private Predicate<RenderedObject> showOnlyFilter(Rendering rendering) {
    if (showOnly.isEmpty()) {
      return o -> true;
    }
    Predicate<RenderedObject> any = o -> false;
    for (String selector : showOnly) {
      Predicate<RenderedObject> p = selector(selector);
      if (rendering.objects().stream().noneMatch(p)) {
        throw new ParameterException(
            spec.commandLine(),
            "--show-only "
                + selector
                + " matches nothing; rendered: "
                + String.join(
                    ", ",
                    rendering.objects().stream()
                        .map(o -> o.object().getKind() + "/" + o.object().getMetadata().getName())
                        .toList()));
      }
      any = any.or(p);
    }
    return any;
  }

  private static Predicate<RenderedObject> selector(String selector) {
    String s = selector.trim();
    if (s.endsWith(".yaml")) {
      String file = s.substring(s.lastIndexOf('/') + 1);
      return o -> o.templateFile().equals(file);
    }
    int slash = s.indexOf('/');
    String kind = (slash < 0 ? s : s.substring(0, slash)).toLowerCase(Locale.ROOT);
    String name = slash < 0 ? null : s.substring(slash + 1);
    return o ->
        o.object().getKind().toLowerCase(Locale.ROOT).equals(kind)
            && (name == null || name.equals(o.object().getMetadata().getName()));
  }

  /** Writes each template file's text under {@code dir}, as {@code helm template} lays it out. */
  private void writeFiles(Path dir, Map<String, String> files, boolean announce) {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = templatesDir(dir).resolve(e.getKey());
      AtomicFiles.write(file, e.getValue());
      if (announce) {
        spec.commandLine().getErr().println("wrote " + file);
      }
    }
  }

  /** Where {@code helm template --output-dir} puts the chart's files. */
  private static Path templatesDir(Path dir) {
    return dir.resolve("prefect-worker").resolve("templates");
  }

  /** The rendering's YAML by template file, as {@code helm template --output-dir} splits it. */
  private static Map<String, String> filesOf(Rendering rendering) {
    Map<String, List<RenderedObject>> byFile = new LinkedHashMap<>();
    for (RenderedObject o : rendering.objects()) {
      byFile.computeIfAbsent(o.templateFile(), f -> new ArrayList<>()).add(o);
    }
    Map<String, String> files = new LinkedHashMap<>();
    byFile.forEach(
        (name, objects) -> files.put(name, rendering.select(objects::contains).toYaml()));
    return files;
  }
}
