package dev.pwk.bench;

import dev.pwk.renderer.RenderOptions;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The values files the benchmarks use, copied from the jar to temporary files so that they load as
 * a user's {@code -f} files do.
 */
final class BenchValues {
  /** Only what the chart requires, in cloud mode: the smallest realistic install. */
  static final String MINIMAL = "minimal-values.yaml";

  /** A generous production file: queues, resources, env, tolerations, affinity, PDB, HPA, BJT. */
  static final String REALISTIC = "realistic-values.yaml";

  static final RenderOptions OPTIONS =
      RenderOptions.builder().releaseName("prefect-worker").namespace("prefect").build();

  private BenchValues() {}

  /** The inputs of {@code pwk … -f <file>} for a bundled values file. */
  static ValueInputs inputs(String resource) {
    try (InputStream in = BenchValues.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing benchmark resource " + resource);
      }
      Path file = Files.createTempFile("pwk-bench-", "-" + resource);
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return ValueInputs.ofFiles(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LoadedValues load(ValuesLoader loader, String resource) {
    try {
      return loader.load(inputs(resource));
    } catch (ValuesException e) {
      throw new IllegalStateException(resource + " does not load: " + e.problems(), e);
    }
  }
}
