package dev.pwk.bench;

import dev.pwk.renderer.ManifestValidator;
import dev.pwk.renderer.RenderException;
import dev.pwk.renderer.Renderer;
import dev.pwk.renderer.Rendering;
import dev.pwk.values.Finding;
import dev.pwk.values.ValuesLoader;
import java.util.List;
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

/** {@code pwk template --validate} on one core (issue 4): {@link ManifestValidator} alone. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Threads(1)
public class ManifestValidateBench {
  @Param({BenchValues.MINIMAL, BenchValues.REALISTIC})
  public String valuesFile;

  private final ManifestValidator validator = ManifestValidator.create();
  private Rendering rendering;

  @Setup
  public void setUp() throws RenderException {
    rendering =
        Renderer.create()
            .render(BenchValues.load(ValuesLoader.create(), valuesFile), BenchValues.OPTIONS);
    List<Finding> findings = validator.validate(rendering);
    if (!findings.isEmpty()) {
      throw new IllegalStateException(valuesFile + " renders objects with findings: " + findings);
    }
  }

  @Benchmark
  public List<Finding> validate() {
    return validator.validate(rendering);
  }
}
