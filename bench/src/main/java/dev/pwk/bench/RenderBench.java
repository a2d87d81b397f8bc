package dev.pwk.bench;

import dev.pwk.renderer.RenderException;
import dev.pwk.renderer.Renderer;
import dev.pwk.renderer.Rendering;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.ValuesLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code pwk template} on one core (issues 4 and 8): {@link Renderer#render} of loaded values, and
 * the render plus the YAML it prints. Goal: at least 2,000 renders per second of the realistic
 * values file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Threads(1)
public class RenderBench {
  @Param({BenchValues.MINIMAL, BenchValues.REALISTIC})
  public String valuesFile;

  private final Renderer renderer = Renderer.create();
  private LoadedValues values;

  @Setup
  public void setUp() {
    values = BenchValues.load(ValuesLoader.create(), valuesFile);
  }

  @Benchmark
  public Rendering render() throws RenderException {
    return renderer.render(values, BenchValues.OPTIONS);
  }

  /** The whole of {@code pwk template} after loading: render, then print the YAML stream. */
  @Benchmark
  public String renderToYaml() throws RenderException {
    return renderer.render(values, BenchValues.OPTIONS).toYaml();
  }
}
