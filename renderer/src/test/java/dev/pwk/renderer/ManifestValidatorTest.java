package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.Finding;
import dev.pwk.values.Severity;
import dev.pwk.values.testing.ConformanceCase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Offline validation of rendered objects")
class ManifestValidatorTest {
  private static final ManifestValidator VALIDATOR = ManifestValidator.create();

  private static final String CONTAINERS = "/spec/template/spec/containers";
  private static final String WORKER = CONTAINERS + "/0";
  private static final String SIDECAR = CONTAINERS + "/1";
  private static final String POD = "/spec/template/spec";

  /** Renders the upstream suite's required values with {@code overrides} and validates. */
  private static List<Finding> validate(String overrides) {
    return VALIDATOR.validate(TestValues.render(TestValues.required(overrides)));
  }

  /** The one finding of a rule at a path; fails listing all findings otherwise. */
  private static Finding only(List<Finding> findings, String ruleId, String path) {
    List<Finding> hits =
        findings.stream().filter(f -> f.ruleId().equals(ruleId) && f.path().equals(path)).toList();
    assertEquals(1, hits.size(), () -> ruleId + " at " + path + " in:\n" + lines(findings));
    return hits.get(0);
  }

  /** The findings about one template's object, e.g. {@code deployment.yaml}. */
  private static List<Finding> in(String template, List<Finding> findings) {
    return findings.stream().filter(f -> f.file().endsWith("/" + template)).toList();
  }

  private static Finding error(List<Finding> findings, String ruleId, String path) {
    Finding f = only(findings, ruleId, path);
    assertEquals(Severity.ERROR, f.severity(), f::toString);
    return f;
  }

  private static Finding warning(List<Finding> findings, String ruleId, String path) {
    Finding f = only(findings, ruleId, path);
    assertEquals(Severity.WARNING, f.severity(), f::toString);
    return f;
  }

  private static String lines(List<Finding> findings) {
    return findings.stream().map(f -> f + " " + f.path()).collect(Collectors.joining("\n"));
  }

  /** The rendering with one object replaced by another of the same kind. */
  private static Rendering replace(Rendering r, HasMetadata replacement) {
    List<RenderedObject> objects = new ArrayList<>();
    for (RenderedObject o : r.objects()) {
      boolean same = o.object().getKind().equals(replacement.getKind());
      objects.add(same ? new RenderedObject(o.templateFile(), replacement) : o);
    }
    return new Rendering(objects, YamlWriter.shared(), Map.of());
  }

  @Nested
  @DisplayName("the conformance corpus")
  class Corpus {
    private static final String NAME_LABEL = "/metadata/labels/app.kubernetes.io~1name";

    /**
     * Corpus cases whose upstream output Kubernetes itself rejects: they pin helm's rendering of
     * values that are wrong, so the validator must flag them.
     */
    private static final Map<String, List<String>> KNOWN_INVALID =
        Map.of(
            "sc-name-uppercase-fullname",
            List.of(
                "serviceaccount.yaml /metadata/name manifest.invalid-name",
                "rolebinding.yaml /subjects/0/name manifest.invalid-name",
                "deployment.yaml /metadata/name manifest.invalid-name",
                "deployment.yaml " + POD + "/serviceAccountName manifest.invalid-name"),
            "sc-name-long-overrides-truncation",
            List.of(
                "serviceaccount.yaml /metadata/name manifest.invalid-name",
                "rolebinding.yaml /subjects/0/name manifest.invalid-name",
                "deployment.yaml /metadata/name manifest.invalid-name",
                "deployment.yaml " + POD + "/serviceAccountName manifest.invalid-name"),
            "sc-name-multibyte-truncation",
            List.of(
                "serviceaccount.yaml /metadata/name manifest.invalid-name",
                "serviceaccount.yaml " + NAME_LABEL + " manifest.invalid-label",
                "role.yaml " + NAME_LABEL + " manifest.invalid-label",
                "rolebinding.yaml " + NAME_LABEL + " manifest.invalid-label",
                "rolebinding.yaml /subjects/0/name manifest.invalid-name",
                "deployment.yaml /metadata/name manifest.invalid-name",
                "deployment.yaml " + NAME_LABEL + " manifest.invalid-label",
                "deployment.yaml /spec/selector/matchLabels/app.kubernetes.io~1name"
                    + " manifest.invalid-label",
                "deployment.yaml /spec/template" + NAME_LABEL + " manifest.invalid-label",
                "deployment.yaml " + POD + "/serviceAccountName manifest.invalid-name"),
            "sc-raw-name-override-tag-in-fullname",
            List.of(
                "serviceaccount.yaml /metadata/name manifest.invalid-name",
                "rolebinding.yaml /subjects/0/name manifest.invalid-name",
                "deployment.yaml /metadata/name manifest.invalid-name",
                "deployment.yaml " + POD + "/serviceAccountName manifest.invalid-name"),
            "sc-set-key-into-gap",
            List.of(
                "deployment.yaml " + POD + "/tolerations/0/operator manifest.invalid-value",
                "deployment.yaml " + POD + "/tolerations/1/operator manifest.invalid-value"),
            "sc-raw-tag-alone",
            List.of(
                "deployment.yaml "
                    + WORKER
                    + "/envFrom/0/configMapRef/name"
                    + " manifest.required-field"),
            "ut-41-set-extra-volume-mounts",
            List.of("deployment.yaml " + WORKER + "/volumeMounts/2/name manifest.volume-mount"));

    /** Every warning the corpus produces, by case. */
    private static final Map<String, List<String>> WARNINGS =
        Map.of(
            "sc-sa-create-false-default",
            List.of("rolebinding.yaml /subjects/0/name manifest.rolebinding-subject"),
            "sc-sa-create-false-named-role-off",
            List.of(
                "rolebinding.yaml /roleRef/name manifest.rolebinding-role",
                "rolebinding.yaml /subjects/0/name manifest.rolebinding-subject"),
            "sc-raw-null-word",
            List.of(
                "deployment.yaml " + POD + "/imagePullSecrets/0/name manifest.required-field",
                "deployment.yaml " + POD + "/imagePullSecrets/1/name manifest.required-field"),
            "sc-raw-tag-alone",
            List.of(
                "deployment.yaml " + POD + "/imagePullSecrets/0/name manifest.required-field",
                "deployment.yaml " + POD + "/imagePullSecrets/1/name manifest.required-field"),
            "ut-30-render-extraenv-in-sync-base-job",
            List.of(
                "deployment.yaml " + POD + "/initContainers/0/env/4/name manifest.duplicate-env"));

    static Stream<ConformanceCase> renderCases() {
      return ConformanceCase.renderedCases().stream();
    }

    private static List<String> summary(List<Finding> findings, Severity severity) {
      return findings.stream()
          .filter(f -> f.severity() == severity)
          .map(
              f ->
                  f.file().substring(f.file().lastIndexOf('/') + 1)
                      + " "
                      + f.path()
                      + " "
                      + f.ruleId())
          .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderCases")
    @DisplayName("renders to objects Kubernetes accepts, except the known-invalid cases")
    void validates(ConformanceCase c) {
      Rendering r = TestValues.render(TestValues.load(c), TestValues.options(c));
      List<Finding> findings = VALIDATOR.validate(r);
      assertEquals(
          KNOWN_INVALID.getOrDefault(c.name(), List.of()),
          summary(findings, Severity.ERROR),
          () -> lines(findings));
      assertEquals(
          WARNINGS.getOrDefault(c.name(), List.of()),
          summary(findings, Severity.WARNING),
          () -> lines(findings));
    }

    @Test
    @DisplayName("the expectations name real corpus cases")
    void expectationsNameCases() {
      List<String> names =
          ConformanceCase.renderCases().stream().map(ConformanceCase::name).toList();
      assertTrue(names.containsAll(KNOWN_INVALID.keySet()));
      assertTrue(names.containsAll(WARNINGS.keySet()));
    }

    @Test
    @DisplayName("the chart's defaults with the required values give no finding at all")
    void defaultsAreClean() {
      assertEquals(List.of(), validate("{}"));
    }

    @Test
    @DisplayName("every object the chart can emit at once gives no finding")
    void everythingOnIsClean() {
      String all =
          """
          commonLabels: {team: data}
          commonAnnotations: {example.com/owner: data}
          serviceAccount: {annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::1:role/x"}}
          role:
            extraPermissions:
              - apiGroups: [""]
                resources: [configmaps]
                verbs: [get]
          worker:
            autoscaling: {enabled: true, minReplicas: 1, maxReplicas: 3}
            podDisruptionBudget: {maxUnavailable: 1}
            livenessProbe: {enabled: true}
            dnsPolicy: None
            dnsConfig: {nameservers: [10.0.0.10], searches: [svc.cluster.local]}
            config:
              workQueues: [a, b]
              baseJobTemplate:
                configuration: '{"job_configuration": {}, "variables": {}}'
            tolerations:
              - {key: dedicated, operator: Equal, value: prefect, effect: NoSchedule}
              - {operator: Exists, effect: NoExecute, tolerationSeconds: 30}
            nodeSelector: {kubernetes.io/os: linux}
            extraEnvVars:
              - {name: EXTRA, value: "1"}
              - name: FROM_SECRET
                valueFrom: {secretKeyRef: {name: s, key: k}}
            extraEnvVarsSecrets: [more-env]
            extraVolumes: [{name: cache, emptyDir: {}}]
            extraVolumeMounts: [{name: cache, mountPath: /cache}]
            extraContainers:
              - name: sidecar
                image: busybox:1.36
                ports: [{name: metrics, containerPort: 9090}]
                resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
          """;
      assertEquals(List.of(), validate(all));
    }
  }

  @Nested
  @DisplayName("where a finding points")
  class Location {
    @Test
    @DisplayName("file is the # Source template, line and column are those of the field in toYaml")
    void lineInStream() {
      String values =
          "worker:\n  extraContainers:\n    - name: sidecar\n      image: busybox\n"
              + "      imagePullPolicyy: Always\n";
      Rendering r = TestValues.render(TestValues.required(values));
      Finding f =
          error(VALIDATOR.validate(r), "manifest.unknown-field", SIDECAR + "/imagePullPolicyy");
      assertEquals("prefect-worker/templates/deployment.yaml", f.file());
      String line = r.toYaml().lines().skip(f.line() - 1).findFirst().orElseThrow();
      assertEquals("imagePullPolicyy: Always", line.substring(f.column() - 1));
    }

    @Test
    @DisplayName("a missing field points at its nearest written parent")
    void missingField() {
      String values = "worker:\n  extraContainers:\n    - name: sidecar\n";
      Rendering r = TestValues.render(TestValues.required(values));
      Finding f = error(VALIDATOR.validate(r), "manifest.required-field", SIDECAR + "/image");
      String line = r.toYaml().lines().skip(f.line() - 1).findFirst().orElseThrow();
      assertEquals("- name: sidecar", line.substring(f.column() - 3));
    }
  }

  @Nested
  @DisplayName("manifest.unknown-field: every field must exist in the Kubernetes type")
  class UnknownField {
    @Test
    @DisplayName("a misspelt extra container field, with a suggestion")
    void extraContainer() {
      Finding f =
          error(
              validate(
                  "worker:\n  extraContainers:\n    - name: s\n      image: busybox\n"
                      + "      imagePullPolicyy: Always\n"),
              "manifest.unknown-field",
              SIDECAR + "/imagePullPolicyy");
      assertEquals(
          "spec.template.spec.containers[1].imagePullPolicyy is not a field of Container; did you"
              + " mean 'imagePullPolicy'?",
          f.message());
    }

    @Test
    @DisplayName("securityContext fields the schema lets through but Kubernetes does not have")
    void securityContexts() {
      List<Finding> findings =
          validate(
              """
              worker:
                containerSecurityContext: {runAsUserr: 1000}
                podSecurityContext: {fsGroupp: 1000}
                initContainer:
                  containerSecurityContext: {privilegedd: false}
                config:
                  baseJobTemplate: {existingConfigMapName: bjt}
              """);
      error(findings, "manifest.unknown-field", WORKER + "/securityContext/runAsUserr");
      error(findings, "manifest.unknown-field", POD + "/securityContext/fsGroupp");
      error(
          findings,
          "manifest.unknown-field",
          POD + "/initContainers/0/securityContext/privilegedd");
      assertEquals(3, findings.size(), () -> lines(findings));
    }

    @Test
    @DisplayName("deep inside affinity, volumes and PDB spec")
    void deep() {
      List<Finding> findings =
          validate(
              """
              worker:
                affinity:
                  nodeAffinity:
                    requiredDuringSchedulingIgnoredDuringExecution:
                      nodeSelectorTerms:
                        - matchExpresions: [{key: a, operator: Exists}]
                extraVolumes: [{name: v, emptyDir: {sizeLimitt: 1Gi}}]
                extraVolumeMounts: [{name: v, mountPath: /v}]
                podDisruptionBudget: {minAvailable: 1, maxUnavailabel: 1}
              """);
      error(
          findings,
          "manifest.unknown-field",
          POD
              + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution"
              + "/nodeSelectorTerms/0/matchExpresions");
      error(findings, "manifest.unknown-field", POD + "/volumes/1/emptyDir/sizeLimitt");
      error(findings, "manifest.unknown-field", "/spec/maxUnavailabel");
    }
  }

  @Nested
  @DisplayName("manifest.required-field: what the API server requires")
  class RequiredField {
    @Test
    @DisplayName("an extra container needs an image")
    void containerImage() {
      error(
          validate("worker:\n  extraContainers: [{name: sidecar}]\n"),
          "manifest.required-field",
          SIDECAR + "/image");
    }

    @Test
    @DisplayName("an init container needs a name")
    void containerName() {
      error(
          validate("worker:\n  initContainer:\n    extraContainers: [{image: busybox}]\n"),
          "manifest.required-field",
          POD + "/initContainers/0/name");
    }

    @Test
    @DisplayName("env vars and volumes need names; a secret reference needs a key")
    void names() {
      List<Finding> findings =
          validate(
              """
              worker:
                extraEnvVars:
                  - {value: x}
                  - name: B
                    valueFrom: {secretKeyRef: {name: s}}
                extraVolumes: [{emptyDir: {}}]
              """);
      String env = WORKER + "/env/";
      int n = Rendered.of(TestValues.render(TestValues.required("{}"))).c0().getEnv().size();
      error(findings, "manifest.required-field", env + n + "/name");
      error(findings, "manifest.required-field", env + (n + 1) + "/valueFrom/secretKeyRef/key");
      error(findings, "manifest.required-field", POD + "/volumes/1/name");
    }

    @Test
    @DisplayName("a Role rule needs verbs, resources and API groups")
    void roleRule() {
      List<Finding> findings = validate("role:\n  extraPermissions: [{resources: [configmaps]}]\n");
      error(findings, "manifest.required-field", "/rules/2/verbs");
      error(findings, "manifest.required-field", "/rules/2/apiGroups");
    }

    @Test
    @DisplayName("dnsPolicy None needs nameservers")
    void dnsNone() {
      error(
          validate("worker:\n  dnsPolicy: None\n"),
          "manifest.required-field",
          POD + "/dnsConfig/nameservers");
    }

    @Test
    @DisplayName("an extra port needs a containerPort")
    void port() {
      error(
          validate("worker:\n  extraContainers: [{name: s, image: b, ports: [{name: http}]}]\n"),
          "manifest.required-field",
          SIDECAR + "/ports/0/containerPort");
    }
  }

  @Nested
  @DisplayName("manifest.invalid-name: Kubernetes name syntaxes")
  class InvalidName {
    @Test
    @DisplayName("container and volume names are DNS labels")
    void dnsLabels() {
      List<Finding> findings =
          validate(
              """
              worker:
                extraContainers: [{name: Side_Car, image: busybox}]
                extraVolumes: [{name: my.vol, emptyDir: {}}]
              """);
      Finding f = error(findings, "manifest.invalid-name", SIDECAR + "/name");
      assertTrue(f.message().startsWith("spec.template.spec.containers[1].name is 'Side_Car'"));
      error(findings, "manifest.invalid-name", POD + "/volumes/1/name");
    }

    @Test
    @DisplayName("port names are IANA service names of at most 15 characters")
    void portName() {
      error(
          validate(
              "worker:\n  extraContainers:\n    - name: s\n      image: b\n"
                  + "      ports: [{name: prometheus-metrics, containerPort: 9090}]\n"),
          "manifest.invalid-name",
          SIDECAR + "/ports/0/name");
    }

    @Test
    @DisplayName("object names, service account and priority class names are DNS subdomains")
    void subdomains() {
      List<Finding> findings =
          validate("fullnameOverride: Worker\nworker:\n  priorityClassName: High_Priority\n");
      error(in("deployment.yaml", findings), "manifest.invalid-name", "/metadata/name");
      error(in("serviceaccount.yaml", findings), "manifest.invalid-name", "/metadata/name");
      error(findings, "manifest.invalid-name", POD + "/priorityClassName");
      error(findings, "manifest.invalid-name", POD + "/serviceAccountName");
    }

    @Test
    @DisplayName("Role and RoleBinding names only need to be path segments")
    void rbacNames() {
      List<Finding> findings = validate("fullnameOverride: Worker\n");
      assertTrue(
          findings.stream()
              .noneMatch(f -> f.file().endsWith("/role.yaml") && f.path().equals("/metadata/name")),
          () -> lines(findings));
    }

    @Test
    @DisplayName("an envFrom Secret name is a DNS subdomain")
    void envFromName() {
      error(
          validate("worker:\n  extraEnvVarsSecrets: [My_Secret]\n"),
          "manifest.invalid-name",
          WORKER + "/envFrom/0/secretRef/name");
    }
  }

  @Nested
  @DisplayName("manifest.invalid-label and manifest.invalid-annotation")
  class Labels {
    @Test
    @DisplayName("a pod label key and value must be valid")
    void podLabels() {
      List<Finding> findings =
          validate("worker:\n  podLabels:\n    bad key: x\n    team: has spaces\n");
      error(findings, "manifest.invalid-label", "/spec/template/metadata/labels/bad key");
      error(findings, "manifest.invalid-label", "/spec/template/metadata/labels/team");
    }

    @Test
    @DisplayName("a common label too long is reported on every object")
    void commonLabels() {
      List<Finding> findings = validate("commonLabels:\n  team: " + "x".repeat(64) + "\n");
      assertEquals(
          List.of("serviceaccount.yaml", "role.yaml", "rolebinding.yaml", "deployment.yaml"),
          findings.stream().map(f -> f.file().substring(f.file().lastIndexOf('/') + 1)).toList(),
          () -> lines(findings));
      assertTrue(findings.stream().allMatch(f -> f.ruleId().equals("manifest.invalid-label")));
    }

    @Test
    @DisplayName("node selector keys and toleration keys are label keys")
    void selectors() {
      List<Finding> findings =
          validate(
              "worker:\n  nodeSelector: {\"-bad\": x}\n"
                  + "  tolerations: [{key: \"a/b/c\", operator: Exists}]\n");
      error(findings, "manifest.invalid-label", POD + "/nodeSelector/-bad");
      error(findings, "manifest.invalid-label", POD + "/tolerations/0/key");
    }

    @Test
    @DisplayName("an annotation key must be a qualified name")
    void annotations() {
      Finding f =
          error(
              in("deployment.yaml", validate("commonAnnotations:\n  \"example.com/\": x\n")),
              "manifest.invalid-annotation",
              "/metadata/annotations/example.com~1");
      assertTrue(f.message().startsWith("metadata.annotations[\"example.com/\"] has the key"));
    }
  }

  @Nested
  @DisplayName("manifest.selector-mismatch: the Deployment selector must select its pods")
  class SelectorMismatch {
    @Test
    @DisplayName("a pod label that overrides a selector label")
    void overriddenLabel() {
      Finding f =
          error(
              validate("worker:\n  podLabels:\n    app.kubernetes.io/component: agent\n"),
              "manifest.selector-mismatch",
              "/spec/template/metadata/labels/app.kubernetes.io~1component");
      assertTrue(f.message().contains("is 'agent', but the Deployment selector requires 'worker'"));
    }

    @Test
    @DisplayName("a selector label the template lacks, and a failing expression")
    void missingLabel() {
      Rendering r = TestValues.render(TestValues.required("{}"));
      var d = Rendered.of(r).deployment();
      d.getSpec().getSelector().getMatchLabels().put("extra", "x");
      d.getSpec()
          .getSelector()
          .setMatchExpressions(
              List.of(
                  new io.fabric8.kubernetes.api.model.LabelSelectorRequirement(
                      "tier", "In", List.of("a"))));
      List<Finding> findings = VALIDATOR.validate(r);
      error(findings, "manifest.selector-mismatch", "/spec/selector/matchLabels/extra");
      error(findings, "manifest.selector-mismatch", "/spec/selector/matchExpressions/0");
    }
  }

  @Nested
  @DisplayName("manifest.rolebinding-role and manifest.rolebinding-subject")
  class RoleBindingRefs {
    private RoleBinding binding(Rendering r) {
      return Rendered.of(r).roleBinding();
    }

    @Test
    @DisplayName("a Role that is not rendered is a warning")
    void roleNotRendered() {
      Finding f =
          warning(
              validate("role:\n  create: false\n"), "manifest.rolebinding-role", "/roleRef/name");
      assertTrue(f.message().contains("must already exist in namespace prefect"), f::message);
    }

    @Test
    @DisplayName("a Role other than the rendered one is an error")
    void otherRole() {
      Rendering r = TestValues.render(TestValues.required("{}"));
      RoleBinding b =
          new RoleBindingBuilder(binding(r)).editRoleRef().withName("other").endRoleRef().build();
      error(VALIDATOR.validate(replace(r, b)), "manifest.rolebinding-role", "/roleRef/name");
    }

    @Test
    @DisplayName("a ServiceAccount that is not rendered is a warning")
    void accountNotRendered() {
      warning(
          validate("serviceAccount:\n  create: false\n  name: existing\n"),
          "manifest.rolebinding-subject",
          "/subjects/0/name");
    }

    @Test
    @DisplayName("a ServiceAccount other than the rendered one is an error")
    void otherAccount() {
      Rendering r = TestValues.render(TestValues.required("{}"));
      RoleBinding b =
          new RoleBindingBuilder(binding(r))
              .editFirstSubject()
              .withName("other")
              .endSubject()
              .build();
      List<Finding> findings = VALIDATOR.validate(replace(r, b));
      error(findings, "manifest.rolebinding-subject", "/subjects/0/name");
      warning(findings, "manifest.rolebinding-subject", "/subjects");
    }

    @Test
    @DisplayName("roleRef kind and subject kind must be known")
    void kinds() {
      Rendering r = TestValues.render(TestValues.required("{}"));
      RoleBinding b =
          new RoleBindingBuilder(binding(r))
              .editRoleRef()
              .withKind("Rol")
              .endRoleRef()
              .editFirstSubject()
              .withKind("Serviceaccount")
              .endSubject()
              .build();
      List<Finding> findings = VALIDATOR.validate(replace(r, b));
      error(findings, "manifest.invalid-value", "/roleRef/kind");
      error(findings, "manifest.invalid-value", "/subjects/0/kind");
    }

    @Test
    @DisplayName("a namespaced Role cannot grant non-resource URLs")
    void nonResourceUrls() {
      error(
          validate("role:\n  extraPermissions: [{nonResourceURLs: [/healthz], verbs: [get]}]\n"),
          "manifest.invalid-value",
          "/rules/2/nonResourceURLs");
    }
  }

  @Nested
  @DisplayName("env: manifest.invalid-env-name and manifest.duplicate-env")
  class Env {
    @Test
    @DisplayName("a name with a space or a leading digit")
    void invalidNames() {
      List<Finding> findings =
          validate("worker:\n  extraEnvVars: [{name: MY VAR, value: a}, {name: 1X, value: b}]\n");
      assertEquals(
          2,
          findings.stream().filter(f -> f.ruleId().equals("manifest.invalid-env-name")).count(),
          () -> lines(findings));
    }

    @Test
    @DisplayName("an extra env var that repeats a chart env var is a warning")
    void duplicate() {
      List<Finding> findings =
          validate("worker:\n  extraEnvVars: [{name: PREFECT_API_URL, value: x}]\n");
      assertEquals(1, findings.size(), () -> lines(findings));
      Finding f = findings.get(0);
      assertEquals("manifest.duplicate-env", f.ruleId());
      assertEquals(Severity.WARNING, f.severity());
      List<String> chartEnv =
          Rendered.names(Rendered.of(TestValues.render(TestValues.required("{}"))).c0());
      int first = chartEnv.indexOf("PREFECT_API_URL");
      assertEquals(WORKER + "/env/" + chartEnv.size() + "/name", f.path());
      assertTrue(
          f.message().contains("first set at spec.template.spec.containers[0].env[" + first + "]"),
          f::message);
    }

    @Test
    @DisplayName("value and valueFrom together")
    void valueAndFrom() {
      List<Finding> findings =
          validate(
              "worker:\n  extraEnvVars:\n    - name: A\n      value: x\n"
                  + "      valueFrom: {secretKeyRef: {name: s, key: k}}\n");
      assertEquals(
          List.of("manifest.invalid-value"),
          findings.stream().map(Finding::ruleId).toList(),
          () -> lines(findings));
    }
  }

  @Nested
  @DisplayName("manifest.volume-mount: mounts refer to declared volumes")
  class VolumeMounts {
    @Test
    @DisplayName("a mount of an undeclared volume")
    void undeclared() {
      Finding f =
          error(
              validate("worker:\n  extraVolumeMounts: [{name: config, mountPath: /config}]\n"),
              "manifest.volume-mount",
              WORKER + "/volumeMounts/2/name");
      assertTrue(f.message().contains("'config'"));
    }

    @Test
    @DisplayName("a declared volume is fine")
    void declared() {
      assertEquals(
          List.of(),
          validate(
              "worker:\n  extraVolumes: [{name: config, configMap: {name: c}}]\n"
                  + "  extraVolumeMounts: [{name: config, mountPath: /config}]\n"));
    }

    @Test
    @DisplayName("two mounts on one path")
    void samePath() {
      error(
          validate(
              "worker:\n  extraVolumes: [{name: c, emptyDir: {}}]\n"
                  + "  extraVolumeMounts: [{name: c, mountPath: /tmp}]\n"),
          "manifest.volume-mount",
          WORKER + "/volumeMounts/2/mountPath");
    }
  }

  @Nested
  @DisplayName("manifest.invalid-quantity")
  class Quantities {
    @Test
    @DisplayName("worker resources and extra container resources must parse")
    void quantities() {
      List<Finding> findings =
          validate(
              """
              worker:
                resources: {limits: {cpu: lots}}
                extraContainers:
                  - name: s
                    image: b
                    resources: {requests: {memory: 1GB}}
              """);
      error(findings, "manifest.invalid-quantity", WORKER + "/resources/limits/cpu");
      error(findings, "manifest.invalid-quantity", SIDECAR + "/resources/requests/memory");
    }
  }

  @Nested
  @DisplayName("manifest.invalid-value: enums, ranges and exclusive fields")
  class InvalidValue {
    @Test
    @DisplayName("pull policy, port range, resource names and requests above limits")
    void containers() {
      List<Finding> findings =
          validate(
              """
              worker:
                extraContainers:
                  - name: s
                    image: b
                    imagePullPolicy: Sometimes
                    ports: [{containerPort: 70000}]
                    resources:
                      limits: {cpus: "1", memory: 1Gi}
                      requests: {memory: 2Gi}
              """);
      error(findings, "manifest.invalid-value", SIDECAR + "/imagePullPolicy");
      error(findings, "manifest.invalid-value", SIDECAR + "/ports/0/containerPort");
      error(findings, "manifest.invalid-value", SIDECAR + "/resources/limits/cpus");
      error(findings, "manifest.invalid-value", SIDECAR + "/resources/requests/memory");
    }

    @Test
    @DisplayName("toleration operator, Exists with a value, tolerationSeconds without NoExecute")
    void tolerations() {
      List<Finding> findings =
          validate(
              """
              worker:
                tolerations:
                  - {key: a, operator: Maybe}
                  - {key: b, operator: Exists, value: x}
                  - {key: c, operator: Equal, value: v, effect: NoSchedule, tolerationSeconds: 5}
                  - {value: z}
              """);
      error(findings, "manifest.invalid-value", POD + "/tolerations/0/operator");
      error(findings, "manifest.invalid-value", POD + "/tolerations/1/value");
      error(findings, "manifest.invalid-value", POD + "/tolerations/2/tolerationSeconds");
      error(findings, "manifest.invalid-value", POD + "/tolerations/3/operator");
    }

    @Test
    @DisplayName("a probe with two handlers, and a volume with two sources")
    void exclusive() {
      List<Finding> findings =
          validate(
              """
              worker:
                livenessProbe:
                  enabled: true
                  config: {exec: {command: ["true"]}}
                extraVolumes: [{name: v, emptyDir: {}, configMap: {name: c}}]
              """);
      error(findings, "manifest.invalid-value", WORKER + "/livenessProbe");
      error(findings, "manifest.invalid-value", POD + "/volumes/1");
    }

    @Test
    @DisplayName("PDB: both budgets, or a percentage above 100%")
    void pdb() {
      error(
          validate("worker:\n  podDisruptionBudget: {minAvailable: 1, maxUnavailable: 1}\n"),
          "manifest.invalid-value",
          "/spec");
      error(
          validate("worker:\n  podDisruptionBudget: {minAvailable: \"150%\"}\n"),
          "manifest.invalid-value",
          "/spec/minAvailable");
    }

    @Test
    @DisplayName("HPA: maxReplicas below 1, minReplicas above maxReplicas")
    void hpa() {
      error(
          validate("worker:\n  autoscaling: {enabled: true, minReplicas: 1, maxReplicas: 0}\n"),
          "manifest.invalid-value",
          "/spec/maxReplicas");
      error(
          validate("worker:\n  autoscaling: {enabled: true, minReplicas: 3, maxReplicas: 2}\n"),
          "manifest.invalid-value",
          "/spec/minReplicas");
    }

    @Test
    @DisplayName("Deployment replicas below 0")
    void replicas() {
      error(validate("worker:\n  replicaCount: -1\n"), "manifest.invalid-value", "/spec/replicas");
    }
  }

  @Nested
  @DisplayName("manifest.duplicate-name: names unique within the pod")
  class DuplicateName {
    @Test
    @DisplayName("an extra container named like the worker, a volume named like scratch")
    void duplicates() {
      List<Finding> findings =
          validate(
              "worker:\n  extraContainers: [{name: prefect-worker, image: b}]\n"
                  + "  extraVolumes: [{name: scratch, emptyDir: {}}]\n");
      error(findings, "manifest.duplicate-name", SIDECAR + "/name");
      error(findings, "manifest.duplicate-name", POD + "/volumes/1/name");
    }
  }

  @Nested
  @DisplayName("HPA and PDB targets")
  class Targets {
    @Test
    @DisplayName("manifest.pdb-selector: a user selector that selects no worker pod")
    void pdbSelector() {
      warning(
          validate(
              "worker:\n  podDisruptionBudget:\n    minAvailable: 1\n"
                  + "    selector: {matchLabels: {app: other}}\n"),
          "manifest.pdb-selector",
          "/spec/selector");
    }

    @Test
    @DisplayName("manifest.pdb-budget: neither minAvailable nor maxUnavailable")
    void pdbBudget() {
      warning(
          validate("worker:\n  podDisruptionBudget: {unhealthyPodEvictionPolicy: AlwaysAllow}\n"),
          "manifest.pdb-budget",
          "/spec");
    }

    @Test
    @DisplayName("manifest.scale-target: the HPA must scale the rendered Deployment")
    void scaleTarget() {
      Rendering r =
          TestValues.render(TestValues.required("worker:\n  autoscaling: {enabled: true}\n"));
      HorizontalPodAutoscaler hpa = r.find(HorizontalPodAutoscaler.class).orElseThrow();
      hpa.getSpec().getScaleTargetRef().setName("other");
      error(VALIDATOR.validate(r), "manifest.scale-target", "/spec/scaleTargetRef");
    }

    @Test
    @DisplayName("the findings of a clean HPA and PDB on old API versions: none")
    void oldVersions() {
      Rendering r =
          TestValues.render(
              TestValues.required(
                  "worker:\n"
                      + "  autoscaling: {enabled: true}\n"
                      + "  podDisruptionBudget: {minAvailable: 1}\n"),
              TestValues.options().capabilities(KubeCapabilities.of("1.20")).build());
      assertEquals(List.of(), VALIDATOR.validate(r));
    }
  }

  @Test
  @DisplayName("findings come in document order, then line order")
  void ordering() {
    List<Finding> findings =
        validate("commonLabels: {team: \"-x\"}\nworker:\n  extraContainers: [{name: s}]\n");
    assertEquals(5, findings.size(), () -> lines(findings));
    for (int i = 1; i < findings.size(); i++) {
      Finding a = findings.get(i - 1);
      Finding b = findings.get(i);
      assertTrue(a.line() < b.line(), () -> lines(findings));
    }
  }
}
