package dev.pwk.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pwk.pipeline.GeneratedCase.Assignment;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.testing.ConformanceCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The generators of the differential tests. Each makes a {@link GeneratedCase} from a seeded {@link
 * Random}: values from the bundled schema with tricky scalars in free-form Kubernetes fields,
 * mutations of the conformance cases, {@code --set} flags, and release names.
 */
final class ValueGenerators {
  /** The kinds of input, one differential test each. */
  enum Kind {
    SCHEMA_VALUES,
    CORPUS_MUTATIONS,
    SET_FLAGS,
    RELEASE_NAMES
  }

  /**
   * YAML scalars that readers type differently or that Kubernetes and the chart treat specially,
   * written as they would appear in a values file.
   */
  static final List<String> TRICKY =
      List.of(
          "1e3",
          "1E3",
          "'1e3'",
          "0x10",
          "0o17",
          "017",
          "1_000",
          "2.7",
          "10.9",
          "-1",
          "0",
          "4294967297",
          "yes",
          "no",
          "on",
          "Off",
          "y",
          "~",
          "null",
          "''",
          "\"\"",
          "true",
          "\"true\"",
          "\"1000\"",
          "2026-12-07",
          "2026-12-07T10:00:00Z",
          "\"h\u00e9llo \u00fcn\u00efcode\"",
          "\u65e5\u672c\u8a9e",
          "\" lead\"",
          "\"trail \"",
          "\"trail\\n\"",
          "\"a: b\"",
          "\"- x\"",
          "\"x # y\"",
          "\"{{ .Release.Name }}\"",
          "'@at'",
          "\"%pct\"",
          "'back\\slash'",
          "\"tab\\t\"",
          "\"*star\"",
          "\"&amp\"",
          "\"!bang\"",
          "\"|pipe\"",
          "\">gt\"",
          "\"'q'\"",
          "'\"dq\"'",
          "\"[a]\"",
          "\"{a: 1}\"",
          "1.5",
          "+1",
          ".5",
          "\"" + "n".repeat(63) + "\"",
          "\"" + "n".repeat(64) + "\"",
          "\"UPPER\"",
          "\"with space\"",
          "\"dot.ted\"",
          "\"-dash\"");

  private static final List<Assignment> REQUIRED =
      List.of(
          assign("worker.config.workPool", "my-work-pool"),
          assign("worker.cloudApiConfig.accountId", "my-account-id"),
          assign("worker.cloudApiConfig.workspaceId", "my-workspace-id"));

  /** A leaf of the schema: its path and its schema node. */
  private record Leaf(List<Object> path, JsonNode schema) {}

  private final List<Leaf> leaves = new ArrayList<>();
  private final List<ConformanceCase> corpus;

  ValueGenerators() {
    try {
      JsonNode schema = new ObjectMapper().readTree(ValuesContract.schemaJson());
      collect(schema, new ArrayList<>());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    corpus =
        ConformanceCase.renderedCases().stream()
            .filter(c -> c.inputs().setFile().isEmpty())
            .toList();
  }

  private void collect(JsonNode schema, List<Object> path) {
    JsonNode props = schema.get("properties");
    if (props == null || path.size() > 0 && FREE_FORM.containsKey(path.get(path.size() - 1))) {
      if (!path.isEmpty() && !path.get(0).equals("global") && !path.get(0).equals("common")) {
        leaves.add(new Leaf(List.copyOf(path), schema));
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      path.add(e.getKey());
      collect(e.getValue(), path);
      path.remove(path.size() - 1);
    }
  }

  /** Free-form values by key: a shape that Kubernetes knows, with a slot for a tricky scalar. */
  private static final Map<String, List<String>> FREE_FORM =
      Map.ofEntries(
          Map.entry(
              "tolerations",
              List.of(
                  "[0].key: dedicated",
                  "[0].operator: Exists",
                  "[0].effect: NoExecute",
                  "[0].tolerationSeconds: %s")),
          Map.entry(
              "affinity",
              List.of(
                  ".nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: %s",
                  ".nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                      + ".matchExpressions[0].key: gpu",
                  ".nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                      + ".matchExpressions[0].operator: In",
                  ".nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                      + ".matchExpressions[0].values[0]: %s")),
          Map.entry("podSecurityContext", List.of(".runAsGroup: %s")),
          Map.entry("containerSecurityContext", List.of(".runAsGroup: %s")),
          Map.entry("extraVolumes", List.of("[0].name: %s", "[0].emptyDir: {}")),
          Map.entry(
              "extraVolumeMounts",
              List.of("[0].name: scratch", "[0].mountPath: /x", "[0].readOnly: %s")),
          Map.entry("extraEnvVars", List.of("[0].name: EXTRA", "[0].value: %s")),
          Map.entry(
              "extraContainers",
              List.of("[0].name: side", "[0].image: busybox", "[0].args[0]: %s")),
          Map.entry("extraArgs", List.of("[0]: --flag", "[1]: %s")),
          Map.entry("extraEnvVarsCMs", List.of("[0]: %s")),
          Map.entry("extraEnvVarsSecrets", List.of("[0]: %s")),
          Map.entry("podLabels", List.of(".team: %s")),
          Map.entry("podAnnotations", List.of(".note: %s")),
          Map.entry("commonLabels", List.of(".team: %s")),
          Map.entry("commonAnnotations", List.of(".note: %s")),
          Map.entry("nodeSelector", List.of(".disk: %s")),
          Map.entry("annotations", List.of(".note: %s")),
          Map.entry("options", List.of("[0].name: ndots", "[0].value: %s")),
          Map.entry("nameservers", List.of("[0]: %s")),
          Map.entry("searches", List.of("[0]: %s")),
          Map.entry("podDisruptionBudget", List.of(".maxUnavailable: %s")),
          Map.entry(
              "extraPermissions",
              List.of(
                  "[0].apiGroups[0]: \"\"", "[0].resources[0]: configmaps", "[0].verbs[0]: %s")));

  GeneratedCase next(Kind kind, Random r) {
    return switch (kind) {
      case SCHEMA_VALUES -> schemaValues(r);
      case CORPUS_MUTATIONS -> corpusMutation(r);
      case SET_FLAGS -> setFlags(r);
      case RELEASE_NAMES -> releaseNames(r);
    };
  }

  /** Up to six schema leaves with values of their type (enums, numbers) or tricky scalars. */
  private GeneratedCase schemaValues(Random r) {
    List<Assignment> values = new ArrayList<>(REQUIRED);
    int n = 1 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      values.addAll(valueFor(leaves.get(r.nextInt(leaves.size())), r));
    }
    return new GeneratedCase(
        "schema values", "test", "prefect", values, List.of(), List.of(), List.of(), List.of());
  }

  private List<Assignment> valueFor(Leaf leaf, Random r) {
    Object last = leaf.path().get(leaf.path().size() - 1);
    List<String> shape = FREE_FORM.get(last);
    if (shape != null) {
      String tricky = pick(TRICKY, r);
      List<Assignment> out = new ArrayList<>();
      for (String line : shape) {
        int colon = line.indexOf(": ");
        List<Object> path = new ArrayList<>(leaf.path());
        path.addAll(suffix(line.substring(0, colon)));
        out.add(new Assignment(path, String.format(line.substring(colon + 2), tricky)));
      }
      return out;
    }
    JsonNode s = leaf.schema();
    String yaml;
    if (s.has("enum") && r.nextInt(5) > 0) {
      yaml = GeneratedCase.quote(s.get("enum").get(r.nextInt(s.get("enum").size())).asText());
    } else if (r.nextInt(3) == 0) {
      yaml = pick(TRICKY, r);
    } else {
      JsonNode types = s.path("type");
      String type = types.isArray() ? types.get(0).asText() : types.asText();
      yaml =
          switch (type) {
            case "boolean" -> r.nextBoolean() ? "true" : "false";
            case "integer" -> Integer.toString(r.nextInt(12));
            case "array" -> "[" + pick(TRICKY, r) + "]";
            case "object" -> "{}";
            default -> pick(List.of("abc", "my-name", "Name_1", "a.b", "x"), r);
          };
    }
    return List.of(new Assignment(leaf.path(), yaml));
  }

  /** {@code .a.b[0].c} or {@code [1]} as path segments. */
  private static List<Object> suffix(String s) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == '[') {
        int close = s.indexOf(']', i);
        out.add(Integer.parseInt(s.substring(i + 1, close)));
        i = close + 1;
      } else {
        int start = i + 1;
        int end = start;
        while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
          end++;
        }
        out.add(s.substring(start, end));
        i = end;
      }
    }
    return out;
  }

  /** A conformance case with one value of its values changed (a file over its own files). */
  private GeneratedCase corpusMutation(Random r) {
    ConformanceCase base = corpus.get(r.nextInt(corpus.size()));
    List<Assignment> values = new ArrayList<>(valueFor(leaves.get(r.nextInt(leaves.size())), r));
    return new GeneratedCase(
        "corpus mutation of " + base.name(),
        base.release(),
        base.namespace(),
        values,
        base.inputs().files().stream().map(Object::toString).toList(),
        base.inputs().set(),
        base.inputs().setString(),
        base.inputs().setJson());
  }

  private static final List<String> SET_KEYS =
      List.of(
          "worker.extraArgs[%d]",
          "worker.config.workQueues[%d]",
          "worker.podLabels.team",
          "worker.nodeSelector.kubernetes\\.io/os",
          "worker.image.pullSecrets[%d]",
          "commonLabels.app\\.team",
          "worker.replicaCount",
          "worker.config.limit",
          "worker.config.name",
          "worker.tolerations[%d].key",
          "worker.priorityClassName",
          "worker.podAnnotations.note",
          "nameOverride",
          "worker.dnsConfig.searches[%d]");

  private static final List<String> SET_VALUES =
      List.of(
          "a",
          "a\\,b",
          "1e3",
          "0x10",
          "true",
          "TRUE",
          "null",
          "007",
          "10",
          "-5",
          "x\\=y",
          "{a,b}",
          "{}",
          "9223372036854775808",
          " lead",
          "trail ",
          "a.b",
          "\\.x",
          "");

  private static final List<String> JSON_VALUES =
      List.of(
          "\"1e3\"",
          "1e3",
          "1.5",
          "null",
          "[1,\"a\",null]",
          "{\"k\":\"v\"}",
          "true",
          "\"\"",
          "\"\\u00e9\"",
          "[]",
          "{}",
          "10");

  /** One to three --set, --set-string and --set-json flags, with escapes and indexes. */
  private GeneratedCase setFlags(Random r) {
    List<String> set = new ArrayList<>();
    List<String> setString = new ArrayList<>();
    List<String> setJson = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String key = String.format(pick(SET_KEYS, r), r.nextInt(4));
      switch (r.nextInt(3)) {
        case 0 -> set.add(key + "=" + pick(SET_VALUES, r));
        case 1 -> setString.add(key + "=" + pick(SET_VALUES, r));
        default -> setJson.add(key + "=" + pick(JSON_VALUES, r));
      }
    }
    return new GeneratedCase(
        "set flags",
        "test",
        "prefect",
        new ArrayList<>(REQUIRED),
        List.of(),
        set,
        setString,
        setJson);
  }

  /** Release names and namespaces near Kubernetes' limits, with and without overrides. */
  private GeneratedCase releaseNames(Random r) {
    List<String> names =
        List.of(
            "test",
            "prefect-worker",
            "my.release",
            "Upper",
            "a",
            "r-" + "x".repeat(50),
            "r-" + "x".repeat(51),
            "x".repeat(53),
            "x".repeat(54),
            "prefect-worker-prod",
            "1abc",
            "abc-",
            "worker");
    List<String> namespaces =
        List.of(
            "prefect",
            "default",
            "ns-" + "y".repeat(60),
            "n".repeat(63),
            "n".repeat(64),
            "Prefect",
            "a.b");
    List<Assignment> values = new ArrayList<>(REQUIRED);
    if (r.nextBoolean()) {
      values.add(
          assign(
              pick(List.of("nameOverride", "fullnameOverride", "namespaceOverride"), r),
              pick(List.of("custom", "\"" + "z".repeat(62) + "-x\"", "\"a-\"", "\"\""), r)));
    }
    return new GeneratedCase(
        "release names",
        pick(names, r),
        pick(namespaces, r),
        values,
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static Assignment assign(String dotted, String yaml) {
    return new Assignment(List.of((Object[]) dotted.split("\\.")), yaml);
  }

  private static <T> T pick(List<T> items, Random r) {
    return items.get(r.nextInt(items.size()));
  }
}
