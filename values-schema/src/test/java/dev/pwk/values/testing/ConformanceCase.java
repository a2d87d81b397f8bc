package dev.pwk.values.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pwk.values.ValueInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One case of the conformance corpus (a copy of the shared corpus kept in this module's test
 * resources): its inputs as {@link ValueInputs} and Helm's expected output or error.
 *
 * <p>{@code divergence} says why pwk deliberately differs from Helm on the case ({@code
 * docs/divergences.md} lists each one); {@code acceptRefusalMentioning} is the rule id with which
 * pwk refuses a case that Helm renders into something the API server rejects.
 */
public record ConformanceCase(
    String name,
    Path dir,
    String description,
    String release,
    String namespace,
    boolean expectRender,
    Optional<String> divergence,
    Optional<String> acceptRefusalMentioning,
    ValueInputs inputs) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Reads {@code case.yaml} of the case in {@code dir}; file paths are resolved against it. */
  public static ConformanceCase read(Path dir) {
    try {
      JsonNode c = YAML.readTree(dir.resolve("case.yaml").toFile());
      ValueInputs.Builder in = ValueInputs.builder();
      c.path("values").forEach(v -> in.file(dir.resolve(v.asText())));
      c.path("setJson").forEach(v -> in.setJson(v.asText()));
      c.path("set").forEach(v -> in.set(v.asText()));
      c.path("setString").forEach(v -> in.setString(v.asText()));
      c.path("setFile").forEach(v -> in.setFile(resolveSetFile(dir, v.asText())));
      String expect = c.path("expect").asText();
      if (!expect.equals("render") && !expect.equals("error")) {
        throw new IllegalStateException(dir + ": expect must be render or error, was " + expect);
      }
      Path expected = dir.resolve(expect.equals("render") ? "expected.yaml" : "expected-error.txt");
      if (!Files.isRegularFile(expected)) {
        throw new IllegalStateException(dir + ": missing " + expected.getFileName());
      }
      return new ConformanceCase(
          dir.getFileName().toString(),
          dir,
          c.path("description").asText(),
          c.path("release").asText("release-name"),
          c.path("namespace").asText("default"),
          expect.equals("render"),
          optional(c, "divergence"),
          optional(c, "acceptRefusalMentioning"),
          in.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> optional(JsonNode c, String field) {
    return c.hasNonNull(field) ? Optional.of(c.get(field).asText()) : Optional.empty();
  }

  private static String resolveSetFile(Path dir, String arg) {
    int eq = arg.indexOf('=');
    return arg.substring(0, eq + 1) + dir.resolve(arg.substring(eq + 1));
  }

  /** Helm's exact stdout for a render case. */
  public String expectedYaml() {
    return readString("expected.yaml");
  }

  /**
   * True for an error case where Helm could not read a values file at all (before any schema or
   * template), which pwk reports as unreadable input.
   */
  public boolean unreadableInput() {
    return !expectRender && expectedError().startsWith("Error: failed to parse ");
  }

  /**
   * True for an error case where Helm failed while executing the templates (other than a {@code
   * required} value) or parsing what they printed: the values pass the schema and lint may not see
   * it, but the renderer must refuse them.
   */
  public boolean failsInTemplates() {
    if (expectRender) {
      return false;
    }
    String error = expectedError();
    return error.startsWith("Error: YAML parse error on ")
        || error.startsWith("Error: prefect-worker/templates/");
  }

  /** Helm's exact stderr for an error case. */
  public String expectedError() {
    return readString("expected-error.txt");
  }

  private String readString(String file) {
    try {
      return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case of the corpus, sorted by name. */
  public static List<ConformanceCase> all() {
    Path cases = corpusDir().resolve("cases");
    try (var dirs = Files.list(cases)) {
      List<ConformanceCase> out = new ArrayList<>();
      dirs.filter(Files::isDirectory).sorted().forEach(d -> out.add(read(d)));
      if (out.isEmpty()) {
        throw new IllegalStateException("no conformance cases under " + cases);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The render cases. */
  public static List<ConformanceCase> renderCases() {
    return all().stream().filter(ConformanceCase::expectRender).toList();
  }

  /** The render cases pwk renders: all but those it refuses ({@link #refusedCases()}). */
  public static List<ConformanceCase> renderedCases() {
    return renderCases().stream().filter(c -> c.acceptRefusalMentioning().isEmpty()).toList();
  }

  /**
   * The render cases pwk refuses with the rule in {@code acceptRefusalMentioning}: Helm renders
   * them into what the API server rejects (documented divergences).
   */
  public static List<ConformanceCase> refusedCases() {
    return renderCases().stream().filter(c -> c.acceptRefusalMentioning().isPresent()).toList();
  }

  /**
   * Whether the renderer itself refuses the case: its rule is one of the renderer's ({@code
   * render.*}). Any other rule is a value rule of the validator, which stops {@code pwk template}
   * before rendering.
   */
  public boolean refusedWhileRendering() {
    return acceptRefusalMentioning().map(rule -> rule.startsWith("render.")).orElse(false);
  }

  /** The error cases. */
  public static List<ConformanceCase> errorCases() {
    return all().stream().filter(c -> !c.expectRender()).toList();
  }

  /** One case by name. */
  public static ConformanceCase named(String name) {
    return read(corpusDir().resolve("cases").resolve(name));
  }

  /**
   * The corpus folder: the {@code pwk.conformance.dir} system property (set by the build for every
   * module), else found by walking up from the working directory.
   */
  public static Path corpusDir() {
    String prop = System.getProperty("pwk.conformance.dir");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    Path rel = Path.of("values-schema", "src", "test", "resources", "conformance");
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(rel))) {
        return p.resolve(rel);
      }
    }
    throw new IllegalStateException("conformance corpus not found; set -Dpwk.conformance.dir");
  }

  @Override
  public String toString() {
    return name;
  }
}
