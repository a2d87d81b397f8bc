/**
 * The Kubernetes rules pwk applies to values and to rendered objects alike, each written once:
 * {@link dev.pwk.kube.KubeSyntax} (names, label keys and values, ConfigMap keys, port and
 * environment variable names), {@link dev.pwk.kube.Release} (a release name and namespace with
 * Helm's rules), {@link dev.pwk.kube.Quantity}, {@link dev.pwk.kube.IntOrPercent} (disruption
 * budgets), {@link dev.pwk.kube.Suggestions} ("did you mean") and the pod rules ({@link
 * dev.pwk.kube.PodRules} on {@link dev.pwk.kube.FieldChecks}, reporting to a {@link
 * dev.pwk.kube.FindingSink}), which judge the worker's pod and a base job template's Job pod alike.
 * It needs fabric8's model classes only, never a Kubernetes client.
 */
package dev.pwk.kube;
