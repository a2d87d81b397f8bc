package dev.pwk.validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.pwk.kube.Suggestions;
import dev.pwk.values.Location;
import dev.pwk.values.Severity;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * have.
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

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MANIFEST = "/job_manifest";
  private static final String POD_SPEC = "/spec/template/spec";
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

  /** Kubernetes decodes JSON without coercion: "3" is no integer and 5 no string. */
  private static final ObjectMapper STRICT = strictMapper();

  private static final ObjectReader JOB_READER = STRICT.readerFor(Job.class);

  private static final int MAX_TYPE_ERRORS = 50;

  private final Templating.Applied applied;
  private final TemplateSite site;
  private final Report out;
  private final ObjectNode displayRoot = NODES.objectNode();

  private JobManifestCheck(Templating.Applied applied, TemplateSite site, Report out) {
    this.applied = applied;
    this.site = site;
    this.out = out;
    displayRoot.set("job_configuration", applied.node());
  }

  /**
   * Checks the manifest in the filled {@code job_configuration}, if it has one (only Kubernetes
   * work pools do).
   */
  static void check(Templating.Applied applied, TemplateSite site, Report out) {
    JsonNode configuration = applied.node();
    if (configuration == null || !configuration.has("job_manifest")) {
      return;
    }
    new JobManifestCheck(applied, site, out).run(configuration);
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
   * Reads the manifest into fabric8's {@code Job}, reporting each value of the wrong type (and
   * reading again without it), then every field the model does not know.
   */
  private void checkJobModel(ObjectNode manifest) {
    ObjectNode working = manifest.deepCopy();
    for (int attempt = 0; attempt < MAX_TYPE_ERRORS; attempt++) {
      try {
        Job job = JOB_READER.readValue(working);
        walk(job, working, "");
        return;
      } catch (JsonMappingException e) {
        String pointer = pointer(e.getPath());
        typeError(pointer, expected(e), working.at(pointer));
        if (!drop(working, pointer)) {
          return;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading a JSON tree failed", e);
      }
    }
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

  /**
   * Removes the value at the pointer (a list item becomes null, to keep indexes); false at root.
   */
  private static boolean drop(ObjectNode root, String pointer) {
    if (pointer.isEmpty()) {
      return false;
    }
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    List<String> segments = Pointers.segments(pointer);
    String last = segments.get(segments.size() - 1);
    if (parent.isObject()) {
      return ((ObjectNode) parent).remove(last) != null;
    }
    if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(last), NODES.nullNode());
      return true;
    }
    return false;
  }

  /** Reports the fields of each model object that its class does not have. */
  private void walk(Object bean, JsonNode json, String pointer) {
    if (bean == null || !json.isObject()) {
      return;
    }
    Optional<Map<String, Object>> extra = additionalProperties(bean);
    if (extra.isEmpty()) {
      return;
    }
    Map<String, BeanPropertyDefinition> properties = properties(bean.getClass());
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      String child = Pointers.child(pointer, name);
      if (extra.get().containsKey(name)) {
        if (!PREFECT_POD_SPEC_FIELDS.contains(child)) {
          unknownField(child, name, bean.getClass().getSimpleName(), properties.keySet());
        }
        continue;
      }
      BeanPropertyDefinition property = properties.get(name);
      AnnotatedMember getter = property == null ? null : property.getAccessor();
      if (getter != null) {
        walkValue(getter.getValue(bean), json.get(name), child);
      }
    }
  }

  private void walkValue(Object value, JsonNode json, String pointer) {
    if (value instanceof List<?> list && json.isArray()) {
      for (int i = 0; i < Math.min(list.size(), json.size()); i++) {
        walkValue(list.get(i), json.get(i), Pointers.child(pointer, i));
      }
    } else if (value instanceof Map<?, ?> map && json.isObject()) {
      for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        walkValue(map.get(key), json.get(key), Pointers.child(pointer, key));
      }
    } else {
      walk(value, json, pointer);
    }
  }

  private void unknownField(String pointer, String name, String kind, Collection<String> known) {
    Optional<String> suggestion = Suggestions.closest(name, known);
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    Templating.Origin origin = origin(pointer);
    out.addKeyed(
        UNKNOWN_FIELD,
        suggestion.isPresent() ? MSG_UNKNOWN_FIELD_SUGGEST : UNKNOWN_FIELD,
        Severity.ERROR,
        site.path(origin.source()),
        site.atKey(origin.source()),
        display(parent),
        name,
        kind,
        suggestion.orElse(""));
  }

  /**
   * The model's properties and its {@code getAdditionalProperties} getter, per class. Jackson's
   * introspection does not cache them, and walking the Job graph asked for them on every
   * validation (half of its time).
   */
  private static final ClassValue<Map<String, BeanPropertyDefinition>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected Map<String, BeanPropertyDefinition> computeValue(Class<?> type) {
          return introspect(type);
        }
      };

  private static final ClassValue<Optional<Method>> EXTRA_GETTER =
      new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
          try {
            return Optional.of(type.getMethod("getAdditionalProperties"));
          } catch (NoSuchMethodException e) {
            return Optional.empty();
          }
        }
      };

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> additionalProperties(Object bean) {
    Optional<Method> getter = EXTRA_GETTER.get(bean.getClass());
    if (getter.isEmpty()) {
      return Optional.empty();
    }
    try {
      Object extra = getter.get().invoke(bean);
      return extra instanceof Map<?, ?> map
          ? Optional.of((Map<String, Object>) map)
          : Optional.empty();
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("fabric8 model getter failed on " + bean.getClass(), e);
    }
  }

  private static Map<String, BeanPropertyDefinition> properties(Class<?> type) {
    return PROPERTIES.get(type);
  }

  private static Map<String, BeanPropertyDefinition> introspect(Class<?> type) {
    BeanDescription description =
        STRICT.getDeserializationConfig().introspect(STRICT.constructType(type));
    Map<String, BeanPropertyDefinition> byName = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : description.findProperties()) {
      if (!p.getName().equals("additionalProperties")) {
        byName.put(p.getName(), p);
      }
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  /** What the model wanted where reading failed, in the words of the values schema's findings. */
  private static String expected(JsonMappingException e) {
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "a valid value";
    }
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class
        || target == Short.class) {
      return "an integer";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "a boolean";
    }
    if (target == String.class) {
      return "a string";
    }
    if (target == Double.class || target == Float.class) {
      return "a number";
    }
    if (target == IntOrString.class) {
      return "an integer or a string";
    }
    if (target == Quantity.class) {
      return "a quantity such as 500m or 1Gi";
    }
    if (target == AnyType.class) {
      return "a value";
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "a list";
    }
    return "an object";
  }

  private static String pointer(List<JsonMappingException.Reference> path) {
    String p = "";
    for (JsonMappingException.Reference r : path) {
      p =
          r.getFieldName() != null
              ? Pointers.child(p, r.getFieldName())
              : Pointers.child(p, r.getIndex());
    }
    return p;
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

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad built-in JSON", e);
    }
  }
}
