package dev.pwk.bench;

import dev.pwk.validator.LintMode;
import dev.pwk.validator.ValuesValidator;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code pwk lint} on one core (issues 3 and 8): {@link ValuesValidator} in {@link LintMode#FULL}
 * on the realistic values file. Goal: at least 5,000 validations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Threads(1)
public class ValidateBench {
  private final ValuesLoader loader = ValuesLoader.create();
  private final ValuesValidator validator = ValuesValidator.create();
  private ValueInputs inputs;
  private LoadedValues values;

  @Setup
  public void setUp() {
    inputs = BenchValues.inputs(BenchValues.REALISTIC);
    values = BenchValues.load(loader, BenchValues.REALISTIC);
    List<Finding> findings = validator.validate(values, LintMode.FULL);
    if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
      throw new IllegalStateException("the realistic values are not valid: " + findings);
    }
  }

  /** Validation alone, values loaded once. */
  @Benchmark
  public List<Finding> validate() {
    return validator.validate(values, LintMode.FULL);
  }

  /** What one {@code pwk lint -f values.yaml} does: read, parse, merge with defaults, validate. */
  @Benchmark
  public List<Finding> loadAndValidate() throws ValuesException {
    return validator.validate(loader.load(inputs), LintMode.FULL);
  }
}
