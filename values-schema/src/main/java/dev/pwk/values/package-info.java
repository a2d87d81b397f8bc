/**
 * The values contract of the prefect-worker chart: its JSON schema, its default values, its
 * metadata, and the Helm-compatible loading and merging of user values.
 *
 * <p>Entry points: {@link dev.pwk.values.ValuesContract} for the bundled resources and {@link
 * dev.pwk.values.ValuesLoader} to turn {@link dev.pwk.values.ValueInputs} into {@link
 * dev.pwk.values.LoadedValues}, where every value remembers its {@link dev.pwk.values.Origin}.
 *
 * <p>{@link dev.pwk.values.Finding} is the one finding model of every pwk module: a problem at a
 * file, line and column (or a flag, or nowhere), with its JSON pointer, rule id, {@link
 * dev.pwk.values.Severity} and message. Loading reports its problems as findings too ({@link
 * dev.pwk.values.ValuesException#problems()}, {@link dev.pwk.values.LoadedValues#warnings()}).
 */
package dev.pwk.values;
