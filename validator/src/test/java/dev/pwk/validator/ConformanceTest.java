package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.kube.Release;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Severity;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.testing.ConformanceCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The validator against the conformance corpus, where Helm's own verdict is known. */
class ConformanceTest {
  private static final ValuesLoader LOADER = ValuesLoader.create();
  private static final ValuesValidator VALIDATOR = ValuesValidator.create();

  /**
   * Helm copies the base job template into the ConfigMap without reading it, so these two render
   * cases carry templates that Prefect's API rejects (HTTP 422): undeclared variables, and empty
   * sections. pwk lint warns about exactly that (an error would stop pwk template, which renders
   * what the chart renders).
   */
  private static final Map<String, Set<String>> BROKEN_JOB_TEMPLATES =
      Map.of(
          "sc-bjt-setfile-json", Set.of("base-job-template.undeclared-variable"),
          "sc-basicauth-shs-authstring", Set.of("base-job-template.empty-section"));

  /** {@code - at '/worker/x': message}, indented two spaces per level. */
  private static final Pattern SCHEMA_LINE = Pattern.compile("^( *)- at '([^']*)': (.*)$");

  private static final Pattern REQUIRED_LINE =
      Pattern.compile("^Error: execution error at \\([^)]*\\): .*\\(([A-Za-z.]+)\\)$");
  private static final Pattern ADDITIONAL =
      Pattern.compile("^additional properties (.*) not allowed$");
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  /**
   * Error cases that fail in the schema or a required value; the loader's and the renderer's tests
   * cover those Helm cannot read or fails on in its templates.
   */
  static List<ConformanceCase> errorCases() {
    return ConformanceCase.errorCases().stream()
        .filter(c -> !c.unreadableInput() && !c.failsInTemplates())
        .toList();
  }

  /** Render cases pwk renders or the renderer refuses: lint has no error on them. */
  static List<ConformanceCase> renderCases() {
    return ConformanceCase.renderCases().stream()
        .filter(c -> c.acceptRefusalMentioning().isEmpty() || c.refusedWhileRendering())
        .toList();
  }

  /** Render cases a value rule refuses: Helm renders what the API server rejects. */
  static List<ConformanceCase> refusedByValueRules() {
    return ConformanceCase.refusedCases().stream().filter(c -> !c.refusedWhileRendering()).toList();
  }

  private static List<Finding> lint(ConformanceCase c) throws Exception {
    LoadedValues values = LOADER.load(c.inputs());
    return VALIDATOR.validate(values, LintMode.FULL, new Release(c.release(), c.namespace()));
  }

  /**
   * A place Helm names: an exact pointer, or (for a failed {@code oneOf}, whose summary our single
   * finding may replace with the underlying error) any pointer at or below it.
   */
  record Expected(String pointer, boolean orBelow) {
    boolean matches(Finding f) {
      return f.severity() == Severity.ERROR
          && (orBelow ? Pointers.isAtOrBelow(f.path(), pointer) : f.path().equals(pointer));
    }
  }

  /** Parses the places out of Helm's error text. */
  static List<Expected> expectedPlaces(String helmError) {
    List<Expected> out = new ArrayList<>();
    List<String> lines = helmError.lines().toList();
    int skipDeeperThan = Integer.MAX_VALUE;
    for (String line : lines) {
      Matcher r = REQUIRED_LINE.matcher(line);
      if (r.matches()) {
        out.add(new Expected("/" + r.group(1).replace('.', '/'), false));
        continue;
      }
      Matcher m = SCHEMA_LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      int indent = m.group(1).length();
      if (indent > skipDeeperThan) {
        continue; // the branches of a failed oneOf
      }
      skipDeeperThan = Integer.MAX_VALUE;
      String pointer = m.group(2);
      String message = m.group(3);
      Matcher a = ADDITIONAL.matcher(message);
      if (message.equals("validation failed")) {
        continue; // a group; its children are listed below it
      } else if (message.startsWith("'oneOf' failed")) {
        out.add(new Expected(pointer, true));
        skipDeeperThan = indent;
      } else if (a.matches()) {
        Matcher q = QUOTED.matcher(a.group(1));
        while (q.find()) {
          out.add(new Expected(Pointers.child(pointer, q.group(1)), false));
        }
      } else {
        out.add(new Expected(pointer, false));
      }
    }
    return out;
  }

  @Nested
  @DisplayName("error cases: Helm fails")
  class ErrorCases {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pwk.validator.ConformanceTest#errorCases")
    @DisplayName("every place Helm's message names has an error finding")
    void reportsWhatHelmReports(ConformanceCase c) throws Exception {
      List<Finding> findings = lint(c);
      List<Expected> expected = expectedPlaces(c.expectedError());
      assertFalse(expected.isEmpty(), "no place parsed from " + c.expectedError());
      for (Expected e : expected) {
        assertTrue(
            findings.stream().anyMatch(e::matches),
            c.name()
                + ": no error finding at "
                + e
                + "\nHelm said:\n"
                + c.expectedError()
                + "\nfindings:\n"
                + show(findings));
      }
    }
  }

  @Nested
  @DisplayName("render cases: Helm renders")
  class RenderCases {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pwk.validator.ConformanceTest#renderCases")
    @DisplayName("no error finding (warnings allowed)")
    void noErrors(ConformanceCase c) throws Exception {
      List<Finding> errors = lint(c).stream().filter(f -> f.severity() == Severity.ERROR).toList();
      assertEquals(List.of(), errors, c.name() + ":\n" + show(errors));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.pwk.validator.ConformanceTest#renderCases")
    @DisplayName("a warning for each base job template Prefect's API would reject")
    void brokenJobTemplatesWarn(ConformanceCase c) throws Exception {
      Set<String> expected = BROKEN_JOB_TEMPLATES.getOrDefault(c.name(), Set.of());
      Set<String> actual =
          lint(c).stream()
              .filter(f -> f.severity() == Severity.WARNING)
              .map(Finding::ruleId)
              .filter(id -> id.startsWith("base-job-template."))
              .collect(Collectors.toSet());
      assertEquals(expected, actual, c.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedByValueRules")
  @DisplayName("a case Helm renders into what the API server rejects: that rule's error alone")
  void refusedByItsRule(ConformanceCase c) throws Exception {
    List<Finding> errors = lint(c).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertEquals(
        Set.of(c.acceptRefusalMentioning().orElseThrow()),
        errors.stream().map(Finding::ruleId).collect(Collectors.toSet()),
        c.name() + ":\n" + show(errors));
  }

  private static String show(List<Finding> findings) {
    return findings.stream()
        .map(f -> "  " + f + " (" + f.path() + ")")
        .collect(Collectors.joining("\n"));
  }
}
