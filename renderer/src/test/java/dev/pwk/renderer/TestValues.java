package dev.pwk.renderer;

import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.testing.ConformanceCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads values for tests: corpus cases, or YAML text written to a temporary values file. */
final class TestValues {
  /** The values every upstream unit test starts from ({@code tests/required_values.yaml}). */
  static final String REQUIRED =
      """
      worker:
        config:
          workPool: my-work-pool
        cloudApiConfig:
          accountId: my-account-id
          workspaceId: my-workspace-id
      """;

  private static final ValuesLoader LOADER = ValuesLoader.create();

  private TestValues() {}

  static LoadedValues load(ConformanceCase c) {
    try {
      return LOADER.load(c.inputs());
    } catch (ValuesException e) {
      throw new AssertionError(c.name() + ": values do not load: " + e.problems(), e);
    }
  }

  /** Values from YAML files (each text becomes one {@code -f} file, in order). */
  static LoadedValues yaml(String... files) {
    try {
      ValueInputs.Builder in = ValueInputs.builder();
      for (String text : files) {
        Path f = Files.createTempFile("pwk-renderer-test", ".yaml");
        f.toFile().deleteOnExit();
        Files.writeString(f, text, StandardCharsets.UTF_8);
        in.file(f);
      }
      return LOADER.load(in.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValuesException e) {
      throw new AssertionError("values do not load: " + e.problems(), e);
    }
  }

  /** The upstream suite's required values with {@code overrides} merged over them. */
  static LoadedValues required(String overrides) {
    return yaml(REQUIRED, overrides);
  }

  /** Values given as {@code --set} flags only. */
  static LoadedValues set(String... flags) {
    ValueInputs.Builder in = ValueInputs.builder();
    for (String f : flags) {
      in.set(f);
    }
    try {
      return LOADER.load(in.build());
    } catch (ValuesException e) {
      throw new AssertionError("values do not load: " + e.problems(), e);
    }
  }

  /** Renders with the unit tests' release {@code test} in namespace {@code prefect}. */
  static Rendering render(LoadedValues values) {
    return render(values, options().build());
  }

  static Rendering render(LoadedValues values, RenderOptions options) {
    try {
      return Renderer.create().render(values, options);
    } catch (RenderException e) {
      throw new AssertionError("render failed: " + e.getMessage() + " " + e.findings(), e);
    }
  }

  static RenderOptions.Builder options() {
    return RenderOptions.builder().releaseName("test").namespace("prefect");
  }

  static RenderOptions options(ConformanceCase c) {
    return RenderOptions.builder().releaseName(c.release()).namespace(c.namespace()).build();
  }
}
