package dev.pwk.values.examples;

import dev.pwk.values.LoadedValues;
import dev.pwk.values.Origin;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Loads values as Helm merges them, and says where each value came from. */
public final class LoadValuesExample {
  private LoadValuesExample() {}

  public static void main(String[] args) throws ValuesException {
    print(Path.of(args[0]), System.out);
  }

  static void print(Path valuesFile, PrintStream out) throws ValuesException {
    ValueInputs inputs =
        ValueInputs.builder().file(valuesFile).set("worker.replicaCount=2").build();
    // Chart defaults, then the file, then the flag. A ValuesException lists every input problem.
    LoadedValues values = ValuesLoader.create().load(inputs);

    for (String pointer :
        List.of("/worker/config/workPool", "/worker/replicaCount", "/worker/image/pullPolicy")) {
      Origin origin = values.origin(pointer).orElseThrow();
      out.println(pointer + " = " + values.tree().at(pointer).asText() + "  " + origin.describe());
    }
  }
}
