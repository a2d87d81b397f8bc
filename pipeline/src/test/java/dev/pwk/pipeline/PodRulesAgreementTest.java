package dev.pwk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pwk.kube.Release;
import dev.pwk.renderer.ManifestValidator;
import dev.pwk.renderer.RenderOptions;
import dev.pwk.renderer.Renderer;
import dev.pwk.validator.JobTemplateValidator;
import dev.pwk.values.Finding;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * pwk-kube's pod rules judge the worker's pod ({@code pwk template --validate}) and the pod of the
 * base job template's Job ({@code pwk lint-job-template}, {@code pwk lint}) alike: one case per
 * rule (and per variant of {@code manifest.invalid-value}) puts the same pod fragment into both and
 * expects the same message about the same field, as {@code manifest.*} for the worker and {@code
 * base-job-template.pod.*} for the Job. What the API server rejects is an error in the worker's pod
 * and in a template file, and a warning in a template in the values, which the chart renders.
 */
@DisplayName("the pod rules: the worker's pod and the base job template's pod alike")
class PodRulesAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JOB_PREFIX = "job_configuration.job_manifest.";

  /** Where a fragment goes: a values key of the worker and the same place in the Job's pod. */
  enum Place {
    CONTAINERS("worker.extraContainers", "/spec/template/spec/containers"),
    INIT_CONTAINERS("worker.initContainer.extraContainers", "/spec/template/spec/initContainers"),
    VOLUMES("worker.extraVolumes", "/spec/template/spec/volumes"),
    TOLERATIONS("worker.tolerations", "/spec/template/spec/tolerations"),
    POD_LABELS("worker.podLabels", "/spec/template/metadata/labels"),
    POD_ANNOTATIONS("worker.podAnnotations", "/spec/template/metadata/annotations");

    final String valuesKey;
    final String manifestPointer;

    Place(String valuesKey, String manifestPointer) {
      this.valuesKey = valuesKey;
      this.manifestPointer = manifestPointer;
    }
  }

  /**
   * One problem in a pod.
   *
   * @param rule the rule id without its family, e.g. {@code invalid-env-name}
   * @param severity the severity in the worker's pod and in a template file
   * @param place where the fragment goes
   * @param fragment JSON: a list of containers, volumes or tolerations, or a map of labels or
   *     annotations
   */
  record Case(String rule, Severity severity, Place place, String fragment) {
    @Override
    public String toString() {
      return rule + " " + fragment;
    }
  }

  static Stream<Case> cases() {
    Severity e = Severity.ERROR;
    Place c = Place.CONTAINERS;
    return Stream.of(
        new Case("required-field", e, c, "[{\"name\": \"sidecar\"}]"),
        new Case("invalid-name", e, c, "[{\"name\": \"Sidecar\", \"image\": \"busybox\"}]"),
        new Case(
            "duplicate-name",
            e,
            c,
            "[{\"name\": \"twin\", \"image\": \"busybox\"}, {\"name\": \"twin\", \"image\": \"b\"}]"),
        new Case("invalid-value", e, c, container("\"imagePullPolicy\": \"Sometimes\"")),
        new Case("invalid-value", e, c, container("\"ports\": [{\"containerPort\": 70000}]")),
        new Case("invalid-value", e, c, container("\"livenessProbe\": {\"periodSeconds\": 5}")),
        new Case(
            "invalid-value",
            e,
            Place.INIT_CONTAINERS,
            container("\"readinessProbe\": {\"exec\": {\"command\": [\"true\"]}}")),
        new Case(
            "invalid-value",
            e,
            c,
            container(
                "\"env\": [{\"name\": \"A\", \"value\": \"x\", \"valueFrom\":"
                    + " {\"fieldRef\": {\"fieldPath\": \"metadata.name\"}}}]")),
        new Case("invalid-value", e, c, container("\"envFrom\": [{\"prefix\": \"P_\"}]")),
        new Case(
            "invalid-value", e, c, container("\"resources\": {\"limits\": {\"gpus\": \"1\"}}")),
        new Case(
            "invalid-value",
            e,
            c,
            container(
                "\"resources\": {\"limits\": {\"cpu\": \"1\"}, \"requests\": {\"cpu\": \"2\"}}")),
        new Case(
            "invalid-value",
            e,
            Place.VOLUMES,
            "[{\"name\": \"v\", \"emptyDir\": {}, \"configMap\": {\"name\": \"c\"}}]"),
        new Case(
            "invalid-value", e, Place.TOLERATIONS, "[{\"operator\": \"Equal\", \"value\": \"x\"}]"),
        new Case(
            "invalid-quantity",
            e,
            c,
            container("\"resources\": {\"limits\": {\"memory\": \"lots\"}}")),
        new Case(
            "invalid-quantity",
            e,
            c,
            container("\"resources\": {\"requests\": {\"cpu\": \"-1\"}}")),
        new Case(
            "invalid-env-name", e, c, container("\"env\": [{\"name\": \"1X\", \"value\": \"x\"}]")),
        new Case(
            "duplicate-env",
            Severity.WARNING,
            c,
            container(
                "\"env\": [{\"name\": \"A\", \"value\": \"x\"}, {\"name\": \"A\", \"value\": \"y\"}]")),
        new Case(
            "volume-mount",
            e,
            c,
            container("\"volumeMounts\": [{\"name\": \"nowhere\", \"mountPath\": \"/x\"}]")),
        new Case("invalid-label", e, Place.POD_LABELS, "{\"team\": \"data platform\"}"),
        new Case("invalid-annotation", e, Place.POD_ANNOTATIONS, "{\"bad key!\": \"x\"}"));
  }

  /** One container named {@code extra} with {@code fields} added. */
  private static String container(String fields) {
    return "[{\"name\": \"extra\", \"image\": \"busybox\", " + fields + "}]";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("a problem is found in both pods, with one message about the same field")
  void bothPods(Case c) throws Exception {
    Finding worker = only(workerPod(c), "manifest." + c.rule());
    assertEquals(c.severity(), worker.severity(), worker::toString);

    String template = jobTemplate(c);
    Finding file =
        only(
            JobTemplateValidator.create().validate("template.json", template),
            "base-job-template.pod." + c.rule());
    assertEquals(c.severity(), file.severity(), file::toString);
    assertTrue(file.message().startsWith(JOB_PREFIX), file::toString);
    assertEquals(worker.message(), file.message().replace(JOB_PREFIX, ""));

    Finding inValues = only(lintValues(template), "base-job-template.pod." + c.rule());
    assertEquals(Severity.WARNING, inValues.severity(), inValues::toString);
    assertEquals(file.message(), inValues.message());
  }

  /** The findings of the manifest check on the worker rendered with the fragment. */
  private static List<Finding> workerPod(Case c) throws Exception {
    ValueInputs inputs =
        ValueInputs.builder()
            .file(required())
            .setJson(c.place().valuesKey + "=" + c.fragment())
            .build();
    return ManifestValidator.create()
        .validate(
            Renderer.create().render(ValuesLoader.create().load(inputs), RenderOptions.defaults()));
  }

  /** {@code pwk lint}'s findings with the template given in the values. */
  private static List<Finding> lintValues(String template) throws URISyntaxException {
    ValueInputs inputs =
        ValueInputs.builder()
            .file(required())
            .setJson("worker.config.baseJobTemplate.configuration=" + template)
            .build();
    return Pipeline.create()
        .run(PipelineRequest.builder(inputs).release(Release.DEFAULT).build())
        .findings();
  }

  /**
   * A template whose Job pod is valid for the worker, with the fragment added. Like the worker's
   * pod, it has one container and one volume before the fragment's, so that both name the same list
   * index.
   */
  private static String jobTemplate(Case c) throws Exception {
    ObjectNode manifest =
        (ObjectNode)
            JSON.readTree(
                """
                {"apiVersion": "batch/v1", "kind": "Job",
                 "spec": {"template": {"spec": {"restartPolicy": "Never",
                   "containers": [{"name": "prefect-job", "image": "prefecthq/prefect:3-latest"}],
                   "volumes": [{"name": "scratch", "emptyDir": {}}]}}}}
                """);
    var fragment = JSON.readTree(c.fragment());
    String parent =
        c.place().manifestPointer.substring(0, c.place().manifestPointer.lastIndexOf('/'));
    String field = c.place().manifestPointer.substring(parent.length() + 1);
    ObjectNode at = manifest.withObject(parent);
    if (at.get(field) instanceof ArrayNode list) {
      list.addAll((ArrayNode) fragment);
    } else {
      at.set(field, fragment);
    }
    ObjectNode template = JSON.createObjectNode();
    template.putObject("variables").put("type", "object").putObject("properties");
    template.putObject("job_configuration").set("job_manifest", manifest);
    return JSON.writeValueAsString(template);
  }

  private static Path required() throws URISyntaxException {
    return Path.of(PodRulesAgreementTest.class.getResource("/agreement/_required.yaml").toURI());
  }

  /** The one finding of a rule; fails listing all findings otherwise. */
  private static Finding only(List<Finding> findings, String ruleId) {
    List<Finding> hits = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertEquals(
        1,
        hits.size(),
        () ->
            ruleId
                + " in:\n"
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    return hits.get(0);
  }
}
