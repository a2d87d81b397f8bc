/**
 * Checks Prefect worker values the way a careful reviewer would, and says where each problem was
 * written.
 *
 * <p>{@link dev.pwk.validator.ValuesValidator} takes {@link dev.pwk.values.LoadedValues} and
 * returns {@link dev.pwk.values.Finding}s: JSON-schema violations, the chart's required values
 * (which {@code helm lint} only logs as warnings) and extra rules such as Kubernetes name syntax,
 * resource quantities and renamed keys. A {@link dev.pwk.validator.LintMode} chooses between a full
 * install and a single overlay file. Findings point at a file, line and column, or at the
 * command-line flag that set the value; they never contain secret values. Formatting them is left
 * to callers.
 *
 * <p>{@link dev.pwk.validator.JobTemplateValidator} lints a Prefect base job template given as JSON
 * text on its own, with the checks {@code ValuesValidator} applies to {@code
 * worker.config.baseJobTemplate}: what Prefect's API and its Kubernetes worker would refuse, found
 * before a flow run fails to start.
 */
package dev.pwk.validator;
