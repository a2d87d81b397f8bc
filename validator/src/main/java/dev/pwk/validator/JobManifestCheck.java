package dev.pwk.validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pwk.kube.FieldChecks;
import dev.pwk.kube.PodRules;
import dev.pwk.kube.StrictReader;
import dev.pwk.kube.Value;
import dev.pwk.values.Location;
import dev.pwk.values.Severity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code job_configuration.job_manifest} as Prefect's Kubernetes worker turns it into a Job, with
 * each placeholder filled (see {@link TemplateVariables#value}), checked the way the worker and
 * then Kubernetes would: the worker's own requirements ({@code _validate_job_manifest}), its
 * preparation of the manifest ({@code prepare_for_flow_run}: env map to list, command string split
 * into args, image and generateName filled in, labels as strings), and then the batch/v1 Job model:
 * every field known and of the right type, at least one container, and a restart policy a Job may
 * have. Last, the Job's pod gets the rules of the worker's pod ({@link PodRules}), as {@code
 * base-job-template.pod.*} findings: the API server rejects such a Job when a flow run starts.
 */
final class JobManifestCheck {
  static final String MANIFEST_INVALID = "base-job-template.manifest-invalid";
  static final String MSG_MANIFEST_TYPE_DEFAULT = "base-job-template.manifest-invalid.default";
  static final String MSG_MANIFEST_TYPE_VARIABLE = "base-job-template.manifest-invalid.variable";
  static final String MSG_MANIFEST_COMMAND = "base-job-template.manifest-invalid.command";
  static final String MSG_MANIFEST_COMMAND_QUOTE =
      "base-job-template.manifest-invalid.command-quote";
  static final String UNKNOWN_FIELD = "base-job-template.manifest-unknown-field";
  static final String MSG_UNKNOWN_FIELD_SUGGEST =
      "base-job-template.manifest-unknown-field.suggest";
  static final String NO_CONTAINER = "base-job-template.no-container";
  static final String RESTART_POLICY = "base-job-template.restart-policy";
  static final String MSG_RESTART_POLICY_MISSING = "base-job-template.restart-policy.missing";
  static final String MSG_RESTART_POLICY_PREFECT = "base-job-template.restart-policy.prefect";
  static final String WORKER_REQUIREMENT = "base-job-template.worker-requirement";
  static final String MSG_WORKER_REQUIREMENT_MISSING =
      "base-job-template.worker-requirement.missing";

  /** The family the pod rules' findings are filed under, in place of {@code manifest}. */
  static final String POD_FAMILY = "base-job-template.pod";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MANIFEST = "/job_manifest";
  private static final String JOB_MANIFEST = "/job_configuration" + MANIFEST;
  private static final String POD_TEMPLATE = "/spec/template";
  private static final String POD_SPEC = POD_TEMPLATE + "/spec";
  private static final String CONTAINERS = POD_SPEC + "/containers";
  private static final String RESTART = POD_SPEC + "/restartPolicy";
  private static final String NEVER = "Never";
  private static final String ON_FAILURE = "OnFailure";

  /** Prefect's {@code _get_base_job_manifest}: what the worker insists every Job manifest has. */
  private static final JsonNode BASE_MANIFEST =
      parse(
          """
          {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"labels": {}},
           "spec": {"template": {"spec": {"parallelism": 1, "completions": 1,
             "restartPolicy": "Never", "containers": [{"name": "prefect-job"}]}}}}
          """);

  /**
   * Prefect's default template puts {@code parallelism} and {@code completions} in the pod spec,
   * where Kubernetes drops them, and its worker refuses a manifest without them there; they are not
   * reported as unknown.
   */
  private static final Set<String> PREFECT_POD_SPEC_FIELDS =
      Set.of(POD_SPEC + "/parallelism", POD_SPEC + "/completions");

  /** What the worker fills in when the manifest has none; only their types matter here. */
  private static final String WORKER_IMAGE = "prefecthq/prefect:3-latest";

  private static final String WORKER_COMMAND = "prefect flow-run execute";
  private static final String WORKER_JOB_NAME = "prefect-job-";

  private static final int MAX_TYPE_ERRORS = 50;

  private final Templating.Applied applied;
  private final TemplateSite site;
  private final Report out;
  private final Severity apiRejects;
  private final ObjectNode displayRoot = NODES.objectNode();

  private JobManifestCheck(
      Templating.Applied applied, TemplateSite site, Report out, Severity apiRejects) {
    this.applied = applied;
    this.site = site;
    this.out = out;
    this.apiRejects = apiRejects;
    displayRoot.set("job_configuration", applied.node());
  }

  /**
   * Checks the manifest in the filled {@code job_configuration}, if it has one (only Kubernetes
   * work pools do).
   *
   * @param apiRejects the severity of a pod rule's error, which only the API server's answer to the
   *     worker's request for a Job would show: see {@link JobTemplateCheck#check}
   */
  static void check(
      Templating.Applied applied, TemplateSite site, Report out, Severity apiRejects) {
    JsonNode configuration = applied.node();
    if (configuration == null || !configuration.has("job_manifest")) {
      return;
    }
    new JobManifestCheck(applied, site, out, apiRejects).run(configuration);
  }

  private void run(JsonNode configuration) {
    JsonNode m = configuration.get("job_manifest");
    if (!m.isObject()) {
      typeError("", "an object", m);
      return;
    }
    ObjectNode manifest = (ObjectNode) m;
    JsonNode metadata = manifest.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      typeError("/metadata", "an object", metadata);
      return;
    }
    ObjectNode meta = metadata == null ? manifest.putObject("metadata") : (ObjectNode) metadata;
    if (!meta.has("labels")) {
      meta.putObject("labels");
    }
    if (!meta.has("namespace")) {
      JsonNode namespace = configuration.path("namespace");
      meta.set("namespace", namespace.isTextual() ? namespace : NODES.textNode("default"));
    }
    JsonNode podSpec = manifest.at(POD_SPEC);
    boolean noContainers = podSpec.isObject() && checkContainers(podSpec);
    workerRequirements(manifest, noContainers);
    if (podSpec.isObject()) {
      checkRestartPolicy(podSpec);
    }
    prepare(configuration, manifest);
    if ("batch/v1".equals(manifest.path("apiVersion").asText())
        && "Job".equals(manifest.path("kind").asText())) {
      checkJobModel(manifest);
    }
  }

  /** Reports a pod spec without containers; true when there are none. */
  private boolean checkContainers(JsonNode podSpec) {
    JsonNode containers = podSpec.get("containers");
    if (containers != null && !(containers.isArray() && containers.isEmpty())) {
      return false;
    }
    String where = containers == null ? POD_SPEC : CONTAINERS;
    Templating.Origin origin = origin(where);
    if (containers != null && origin.variable() != null && !origin.fromDefault()) {
      return true; // an empty stand-in: a deployment may pass the containers
    }
    out.add(NO_CONTAINER, Severity.ERROR, path(where), at(where), display(POD_SPEC));
    return true;
  }

  /**
   * The worker's {@code _validate_job_manifest}: a JSON patch from the manifest to its base
   * manifest may only remove things; what it adds is missing, what it replaces is incompatible.
   */
  private void workerRequirements(ObjectNode manifest, boolean noContainers) {
    for (JsonDiff.Op op : JsonDiff.between(manifest, BASE_MANIFEST)) {
      String p = op.path();
      if (p.equals(RESTART) || (noContainers && Pointers.isAtOrBelow(p, CONTAINERS))) {
        continue; // reported by the restart policy and container checks
      }
      if (op.kind() == JsonDiff.Kind.ADD) {
        String parent = p.substring(0, p.lastIndexOf('/'));
        out.addKeyed(
            WORKER_REQUIREMENT,
            MSG_WORKER_REQUIREMENT_MISSING,
            Severity.ERROR,
            path(parent),
            at(parent),
            display(p),
            op.value().toString());
      } else if (op.kind() == JsonDiff.Kind.REPLACE) {
        JsonNode actual = manifest.at(p);
        if (actual.isContainerNode() != op.value().isContainerNode()) {
          continue; // a wrong type; the Job model check says so
        }
        out.add(
            WORKER_REQUIREMENT,
            Severity.ERROR,
            path(p),
            at(p),
            display(p),
            JobTemplateCheck.show(actual),
            op.value().toString());
      }
    }
  }

  private void checkRestartPolicy(JsonNode podSpec) {
    JsonNode policy = podSpec.get("restartPolicy");
    if (policy == null) {
      out.addKeyed(
          RESTART_POLICY,
          MSG_RESTART_POLICY_MISSING,
          Severity.ERROR,
          path(POD_SPEC),
          at(POD_SPEC),
          display(POD_SPEC));
    } else if (policy.isTextual() && policy.textValue().equals(ON_FAILURE)) {
      out.addKeyed(
          RESTART_POLICY,
          MSG_RESTART_POLICY_PREFECT,
          Severity.ERROR,
          path(RESTART),
          at(RESTART),
          display(RESTART));
    } else if (policy.isTextual() && !policy.textValue().equals(NEVER)) {
      out.add(
          RESTART_POLICY,
          Severity.ERROR,
          path(RESTART),
          at(RESTART),
          display(RESTART),
          JobTemplateCheck.show(policy));
    }
  }

  /** The worker's {@code prepare_for_flow_run}, as far as it changes the manifest's shape. */
  private void prepare(JsonNode configuration, ObjectNode manifest) {
    JsonNode labels = manifest.path("metadata").path("labels");
    if (labels.isObject()) {
      ObjectNode strings = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : labels.properties()) {
        strings.put(e.getKey(), Templating.pythonStr(e.getValue()));
      }
      ((ObjectNode) manifest.get("metadata")).set("labels", strings);
    }
    JsonNode generateName = manifest.path("metadata").get("generateName");
    if (generateName == null
        || (generateName.isTextual()
            && (generateName.textValue().isEmpty()
                || generateName.textValue().equals("-")
                || generateName.textValue().equals("None-")
                || !Templating.find(generateName.textValue()).isEmpty()))) {
      ((ObjectNode) manifest.get("metadata")).put("generateName", WORKER_JOB_NAME);
    }
    JsonNode containers = manifest.at(CONTAINERS);
    if (!containers.isArray() || containers.isEmpty() || !containers.get(0).isObject()) {
      return;
    }
    ObjectNode container = (ObjectNode) containers.get(0);
    if (!container.path("env").isArray()) {
      container.set("env", envList(configuration.path("env")));
    }
    if (!container.has("image")) {
      container.put("image", WORKER_IMAGE);
    }
    JsonNode args = container.get("args");
    String argsPointer = CONTAINERS + "/0/args";
    if (args == null || args.isNull()) {
      container.set("args", words(Shlex.split(WORKER_COMMAND).orElseThrow()));
    } else if (args.isTextual()) {
      Optional<List<String>> split = Shlex.split(args.textValue());
      if (split.isPresent()) {
        container.set("args", words(split.get()));
      } else {
        out.addKeyed(
            MANIFEST_INVALID,
            MSG_MANIFEST_COMMAND_QUOTE,
            Severity.ERROR,
            path(argsPointer),
            at(argsPointer),
            display(argsPointer),
            JobTemplateCheck.show(args));
        container.remove("args");
      }
    } else if (!args.isArray()) {
      out.addKeyed(
          MANIFEST_INVALID,
          MSG_MANIFEST_COMMAND,
          Severity.ERROR,
          path(argsPointer),
          at(argsPointer),
          display(argsPointer),
          LintContext.typeName(args));
      container.remove("args");
    }
  }

  /** The worker's env map as Kubernetes' list of name and value; null values are dropped. */
  private static ArrayNode envList(JsonNode env) {
    ArrayNode list = NODES.arrayNode();
    if (env.isObject()) {
      for (Map.Entry<String, JsonNode> e : env.properties()) {
        if (!e.getValue().isNull()) {
          ObjectNode var = list.addObject();
          var.put("name", e.getKey());
          var.put("value", Templating.pythonStr(e.getValue()));
        }
      }
    }
    return list;
  }

  private static ArrayNode words(List<String> words) {
    ArrayNode a = NODES.arrayNode();
    words.forEach(a::add);
    return a;
  }

  /**
   * Reads the manifest into fabric8's {@code Job} as the API server decodes it ({@link
   * StrictReader}): each value of the wrong type, then every field the model does not know.
   */
  private void checkJobModel(ObjectNode manifest) {
    StrictReader.Result<Job> read = StrictReader.read(manifest, Job.class, MAX_TYPE_ERRORS);
    for (StrictReader.WrongType w : read.wrongTypes()) {
      typeError(w.pointer(), w.expected(), manifest.at(w.pointer()));
    }
    if (read.object().isEmpty()) {
      return;
    }
    for (StrictReader.UnknownField u : read.unknownFields()) {
      if (!PREFECT_POD_SPEC_FIELDS.contains(u.pointer())) {
        unknownField(u);
      }
    }
    JsonNode podSpec = manifest.at(POD_SPEC);
    if (podSpec.isObject()) {
      FieldChecks pod = new FieldChecks(this::podFinding, key -> null);
      Value template = new Value(JOB_MANIFEST + POD_TEMPLATE, manifest.at(POD_TEMPLATE));
      PodRules.templateMetadata(pod, template.child("metadata"));
      // The manifest's restart policy and containers are the worker's to check (above).
      PodRules.check(pod, template.child("spec"), PodRules.Owner.JOB);
    }
  }

  /**
   * A pod rule's finding, filed under {@link #POD_FAMILY}; an error is {@code apiRejects}, since
   * the chart renders the template and Prefect's API takes it.
   */
  private void podFinding(Value at, String ruleId, Severity severity, String message) {
    String pointer = at.pointer().substring(JOB_MANIFEST.length());
    String id = POD_FAMILY + ruleId.substring(FieldChecks.FAMILY.length());
    Severity s = severity == Severity.ERROR ? apiRejects : severity;
    out.addText(id, s, path(pointer), at(pointer), message);
  }

  private void typeError(String pointer, String expected, JsonNode value) {
    Templating.Origin origin = origin(pointer);
    String got =
        value.isValueNode() && !value.isNull()
            ? LintContext.typeName(value) + " " + JobTemplateCheck.show(value)
            : LintContext.typeName(value);
    if (origin.variable() == null) {
      out.add(
          MANIFEST_INVALID,
          Severity.ERROR,
          path(pointer),
          at(pointer),
          display(pointer),
          expected,
          got);
    } else {
      out.addKeyed(
          MANIFEST_INVALID,
          origin.fromDefault() ? MSG_MANIFEST_TYPE_DEFAULT : MSG_MANIFEST_TYPE_VARIABLE,
          Severity.ERROR,
          path(pointer),
          at(pointer),
          display(pointer),
          expected,
          origin.fromDefault() ? got : LintContext.typeName(value),
          origin.variable());
    }
  }

  private void unknownField(StrictReader.UnknownField u) {
    String parent = u.pointer().substring(0, u.pointer().lastIndexOf('/'));
    Templating.Origin origin = origin(u.pointer());
    out.addKeyed(
        UNKNOWN_FIELD,
        u.suggestion().isPresent() ? MSG_UNKNOWN_FIELD_SUGGEST : UNKNOWN_FIELD,
        Severity.ERROR,
        site.path(origin.source()),
        site.atKey(origin.source()),
        display(parent),
        u.name(),
        u.type(),
        u.suggestion().orElse(""));
  }

  private Templating.Origin origin(String manifestPointer) {
    return applied.origin(MANIFEST + manifestPointer);
  }

  private Location at(String manifestPointer) {
    return site.at(origin(manifestPointer).source());
  }

  private String path(String manifestPointer) {
    return site.path(origin(manifestPointer).source());
  }

  private String display(String manifestPointer) {
    return Pointers.display("/job_configuration" + MANIFEST + manifestPointer, displayRoot);
  }

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad built-in JSON", e);
    }
  }
}
