/**
 * Documentation generated from one source of truth: the chart README is rendered from a helm-docs
 * style template, the commented values file and the chart metadata.
 *
 * <p>Entry points: {@link dev.pwk.docs.DocsGenerator} renders (or checks) a README; {@link
 * dev.pwk.docs.DocsCheck} reports whether a file on disk is stale, with a unified diff; {@link
 * dev.pwk.docs.DocsException} reports a template or values problem with its line.
 */
package dev.pwk.docs;
