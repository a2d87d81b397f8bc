package dev.pwk.renderer;

import dev.pwk.kube.Release;
import dev.pwk.validator.LintMode;
import dev.pwk.validator.ValuesValidator;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code pwk template} does with a generated case, in process: load the values, stop on the
 * validator's errors (as pwk-pipeline does, every error stops a render), render. Either the YAML or
 * the rule ids that stopped it.
 *
 * @param yaml the rendered manifests, or null when pwk refused
 * @param rules the rule ids of the error findings (or input problems) that made it refuse
 */
record PwkRun(String yaml, Set<String> rules) {
  private static final ValuesLoader LOADER = ValuesLoader.create();
  private static final ValuesValidator VALIDATOR = ValuesValidator.create();

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
    RenderOptions options;
    try {
      options = RenderOptions.builder().releaseName(c.release()).namespace(c.namespace()).build();
    } catch (IllegalArgumentException e) {
      // pwk template checks the release name and namespace as it reads its arguments: exit 2.
      return new PwkRun(null, Set.of("usage"));
    }
    LoadedValues loaded;
    try {
      loaded = LOADER.load(inputs);
    } catch (ValuesException e) {
      return refused(ValuesValidator.inputFindings(e));
    }
    List<Finding> errors =
        VALIDATOR.validate(loaded, LintMode.FULL, new Release(c.release(), c.namespace())).stream()
            .filter(f -> f.severity() == Severity.ERROR)
            .toList();
    if (!errors.isEmpty()) {
      return refused(errors);
    }
    try {
      Rendering r = Renderer.create().render(loaded, options);
      return new PwkRun(r.toYaml(), Set.of());
    } catch (RenderException e) {
      return refused(e.findings());
    }
  }

  private static PwkRun refused(List<Finding> findings) {
    Set<String> rules = new TreeSet<>();
    findings.forEach(f -> rules.add(f.ruleId()));
    return new PwkRun(null, rules);
  }
}
