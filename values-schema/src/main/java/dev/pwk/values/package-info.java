/**
 * The values contract of the prefect-worker chart: its JSON schema, its default values, its
 * metadata, and the Helm-compatible loading and merging of user values.
 *
 * <p>Entry points: {@link dev.pwk.values.ValuesContract} for the bundled resources and {@link
 * dev.pwk.values.ValuesLoader} to turn {@link dev.pwk.values.ValueInputs} into {@link
 * dev.pwk.values.LoadedValues}, where every value remembers its {@link dev.pwk.values.Origin}.
 */
package dev.pwk.values;
