/**
 * The Kubernetes rules pwk applies to values and to rendered objects alike, each written once:
 * {@link dev.pwk.kube.KubeSyntax} (names, label keys and values, ConfigMap keys, port and
 * environment variable names), {@link dev.pwk.kube.Release} (a release name and namespace with
 * Helm's rules), {@link dev.pwk.kube.Quantity}, {@link dev.pwk.kube.IntOrPercent} (disruption
 * budgets) and {@link dev.pwk.kube.Suggestions} ("did you mean"). It needs fabric8's model
 * classes only, never a Kubernetes client.
 */
package dev.pwk.kube;
