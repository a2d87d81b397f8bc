/**
 * The chart model: the one place that knows which values the prefect-worker chart reads and how it
 * computes from them.
 *
 * <p>{@link dev.pwk.values.chart.ChartValues} gives a typed accessor for every value path the
 * chart's templates use, each with its JSON pointer for findings; {@link
 * dev.pwk.values.chart.ChartNames} computes names and label values as Helm does (cut to 63 bytes);
 * {@link dev.pwk.values.chart.GoTruth} is Go template truthiness; {@link
 * dev.pwk.values.chart.RequiredValue} lists the values the chart demands, with its own wording.
 */
package dev.pwk.values.chart;
