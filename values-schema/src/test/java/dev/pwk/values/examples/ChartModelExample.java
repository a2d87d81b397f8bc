package dev.pwk.values.examples;

import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import dev.pwk.values.chart.ChartNames;
import dev.pwk.values.chart.ChartValue;
import dev.pwk.values.chart.ChartValues;
import dev.pwk.values.chart.RequiredValue;
import java.io.PrintStream;
import java.nio.file.Path;

/** Reads values as the chart does: typed accessors, the names it derives, its required values. */
public final class ChartModelExample {
  private ChartModelExample() {}

  public static void main(String[] args) throws ValuesException {
    print(Path.of(args[0]), System.out);
  }

  static void print(Path valuesFile, PrintStream out) throws ValuesException {
    ValueInputs inputs =
        ValueInputs.builder()
            .file(valuesFile)
            .set("fullnameOverride=")
            .set("worker.cloudApiConfig.workspaceId=")
            .build();
    ChartValues chart = ChartValues.of(ValuesLoader.create().load(inputs).tree());

    // Each accessor gives the merged value and its JSON pointer, for findings of your own.
    ChartValue pool = chart.worker().config().workPool();
    out.println(pool.pointer() + " = " + pool.text());

    // The fullname the chart derives for a release, cut to 63 bytes as Helm cuts it.
    String chartName = ValuesContract.chart().name();
    String fullname =
        ChartNames.fullname(
            chart.fullnameOverride().text(), chart.nameOverride().text(), chartName, "my.worker");
    out.println("fullname: " + fullname);

    // What helm template would stop at: the chart's required values, in the order it meets them.
    for (RequiredValue required : RequiredValue.checkedFor(chart)) {
      if (required.isMissingIn(chart)) {
        out.println(required.in(chart).pointer() + ": " + required.message());
      }
    }
  }
}
