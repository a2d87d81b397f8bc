package dev.pwk.pipeline;

import dev.pwk.kube.Release;
import dev.pwk.values.Finding;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code pwk template} does with a generated case, in process: the {@link Pipeline} the
 * command calls, with {@code helm template}'s defaults. Either the YAML or the rule ids that
 * stopped it.
 *
 * @param yaml the rendered manifests, or null when pwk refused
 * @param rules the rule ids of the error findings (or input problems) that made it refuse
 */
record PwkRun(String yaml, Set<String> rules) {
  /** What stands for {@code pwk template}'s usage error (exit 2) on a release name. */
  static final String USAGE_RELEASE_NAME = "usage.release-name";

  /** What stands for {@code pwk template}'s usage error (exit 2) on a namespace. */
  static final String USAGE_NAMESPACE = "usage.namespace";

  private static final Pipeline PIPELINE = Pipeline.create();

  boolean rendered() {
    return yaml != null;
  }

  static PwkRun of(GeneratedCase c, Path work) {
    try {
      Path values = Files.createTempFile(work, "values", ".yaml");
      Files.writeString(values, c.valuesYaml(), StandardCharsets.UTF_8);
      ValueInputs.Builder in = ValueInputs.builder();
      c.baseFiles().forEach(f -> in.file(Path.of(f)));
      in.file(values);
      c.setJson().forEach(in::setJson);
      c.set().forEach(in::set);
      c.setString().forEach(in::setString);
      try {
        return run(c, in.build());
      } finally {
        Files.delete(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PwkRun run(GeneratedCase c, ValueInputs inputs) {
    // pwk template checks the release name and namespace as it reads its arguments: exit 2.
    if (Release.nameProblem(c.release()).isPresent()) {
      return new PwkRun(null, Set.of(USAGE_RELEASE_NAME));
    }
    if (Release.namespaceProblem(c.namespace()).isPresent()) {
      return new PwkRun(null, Set.of(USAGE_NAMESPACE));
    }
    Release release = new Release(c.release(), c.namespace());
    PipelineResult result = PIPELINE.run(PipelineRequest.builder(inputs).release(release).build());
    if (result.rendering().isPresent()) {
      return new PwkRun(result.rendering().get().toYaml(), Set.of());
    }
    return refused(result.findings());
  }

  private static PwkRun refused(List<Finding> findings) {
    Set<String> rules = new TreeSet<>();
    findings.stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .forEach(f -> rules.add(f.ruleId()));
    return new PwkRun(null, rules);
  }
}
