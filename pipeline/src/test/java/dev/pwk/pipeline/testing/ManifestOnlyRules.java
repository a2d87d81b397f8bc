package dev.pwk.pipeline.testing;

import java.util.Map;

/**
 * The manifest checks' errors that {@code pwk lint} does not report as errors, each with why: the
 * one list that the pipeline's and the command line's agreement tests both consult. A rule mapped
 * to a lint rule family is one lint warns about instead (the finding is there, at the value); one
 * mapped to the empty string has no value rule.
 */
public final class ManifestOnlyRules {
  private ManifestOnlyRules() {}

  /** Manifest rule id to the lint rule family that warns about the same value, or "". */
  public static final Map<String, String> LINT_DOES_NOT_FAIL =
      Map.of(
          // NameRules: the chart renders these names, so pwk template does too and lint warns.
          "manifest.invalid-name", "names.",
          // The same for the label values the chart derives from those names
          // (app.kubernetes.io/name); a label the user writes is a lint error.
          "manifest.invalid-label", "names.",
          // No value rule matches extraVolumeMounts against the pod's volumes.
          "manifest.volume-mount", "",
          // No value rule reads free-form references back as Helm prints them (an envFrom name
          // written as a tag alone, !bang, reads as "": sc-raw-tag-alone).
          "manifest.required-field", "",
          // The worker pod's tolerations are checked on the rendered Deployment only (PodRules
          // through the renderer): an empty key without operator Exists, sc-set-key-into-gap.
          "manifest.invalid-value", "");
}
