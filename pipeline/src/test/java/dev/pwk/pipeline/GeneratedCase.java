package dev.pwk.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated input for the differential tests: a release, a namespace, values written as YAML
 * text (each leaf a raw YAML token, so that {@code 1e3} and {@code '1e3'} stay different) and
 * {@code --set}-style flags. It prints itself as a conformance case ready to commit.
 *
 * @param assignments the generated values file, leaf by leaf
 * @param baseFiles values files applied before it (a conformance case's own files)
 */
record GeneratedCase(
    String generator,
    String release,
    String namespace,
    List<Assignment> assignments,
    List<String> baseFiles,
    List<String> set,
    List<String> setString,
    List<String> setJson) {

  /**
   * One leaf of the values file: its path (map keys as strings, list indexes as integers) and the
   * YAML text of its value.
   */
  record Assignment(List<Object> path, String yaml) {
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      for (Object p : path) {
        out.append(p instanceof Integer ? "[" + p + "]" : (out.length() > 0 ? "." : "") + p);
      }
      return out.append(": ").append(yaml).toString();
    }
  }

  /** The same case with other assignments and flags (for shrinking). */
  GeneratedCase with(
      List<Assignment> assignments, List<String> set, List<String> setString, List<String> json) {
    return new GeneratedCase(
        generator, release, namespace, assignments, baseFiles, set, setString, json);
  }

  /** The values file: the assignments as nested YAML, later paths overriding earlier ones. */
  String valuesYaml() {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Assignment a : assignments) {
      put(root, a.path(), 0, a.yaml());
    }
    StringBuilder out = new StringBuilder();
    write(root, 0, out);
    return out.length() == 0 ? "{}\n" : out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void put(Object container, List<Object> path, int i, String yaml) {
    Object key = path.get(i);
    boolean last = i == path.size() - 1;
    Object next =
        last
            ? null
            : path.get(i + 1) instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
    if (container instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      if (last) {
        map.put((String) key, new Raw(yaml));
        return;
      }
      Object child = map.get(key);
      if (child == null || child instanceof Raw || child.getClass() != next.getClass()) {
        map.put((String) key, child = next);
      }
      put(child, path, i + 1, yaml);
    } else {
      List<Object> list = (List<Object>) container;
      int index = (Integer) key;
      while (list.size() <= index) {
        list.add(new Raw("{}"));
      }
      if (last) {
        list.set(index, new Raw(yaml));
        return;
      }
      Object child = list.get(index);
      if (child instanceof Raw || child.getClass() != next.getClass()) {
        list.set(index, child = next);
      }
      put(child, path, i + 1, yaml);
    }
  }

  /** A leaf: YAML text written as it is. */
  private record Raw(String yaml) {}

  private static void write(Object node, int indent, StringBuilder out) {
    String pad = " ".repeat(indent);
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(pad).append(e.getKey()).append(':');
        writeChild(e.getValue(), indent, out);
      }
    } else if (node instanceof List<?> list) {
      for (Object item : list) {
        out.append(pad).append('-');
        writeChild(item, indent, out);
      }
    }
  }

  private static void writeChild(Object child, int indent, StringBuilder out) {
    if (child instanceof Raw raw) {
      out.append(' ').append(raw.yaml()).append('\n');
    } else if ((child instanceof Map<?, ?> m && m.isEmpty())) {
      out.append(" {}\n");
    } else if (child instanceof List<?> l && l.isEmpty()) {
      out.append(" []\n");
    } else {
      out.append('\n');
      write(child, indent + 2, out);
    }
  }

  /** The helm arguments after the chart, with the values file at {@code valuesFile}. */
  List<String> helmArgs(String valuesFile) {
    List<String> args = new ArrayList<>(List.of("-n", namespace));
    baseFiles.forEach(f -> args.addAll(List.of("-f", f)));
    args.addAll(List.of("-f", valuesFile));
    setJson.forEach(a -> args.addAll(List.of("--set-json", a)));
    set.forEach(a -> args.addAll(List.of("--set", a)));
    setString.forEach(a -> args.addAll(List.of("--set-string", a)));
    return args;
  }

  /** The case as a conformance case: {@code case.yaml} and {@code values.yaml}, ready to commit. */
  String asConformanceCase(String name, String expect) {
    StringBuilder out = new StringBuilder();
    String dir = "values-schema/src/test/resources/conformance/cases/" + name;
    out.append("# ").append(dir).append("/case.yaml\n");
    out.append("description: 'found by the differential tests (").append(generator).append(")'\n");
    out.append("release: ").append(quote(release)).append('\n');
    out.append("namespace: ").append(quote(namespace)).append('\n');
    List<String> files = new ArrayList<>();
    for (int i = 0; i < baseFiles.size(); i++) {
      files.add("base-" + (i + 1) + "-" + Path.of(baseFiles.get(i)).getFileName());
    }
    files.add("values.yaml");
    out.append("values: ").append(list(files)).append('\n');
    for (int i = 0; i < baseFiles.size(); i++) {
      out.append("# copy ").append(baseFiles.get(i)).append(" to ").append(files.get(i));
      out.append('\n');
    }
    out.append("set: ").append(list(set)).append('\n');
    out.append("setString: ").append(list(setString)).append('\n');
    out.append("setJson: ").append(list(setJson)).append('\n');
    out.append("setFile: []\n");
    out.append("expect: ").append(expect).append('\n');
    out.append("# ").append(dir).append("/values.yaml\n");
    out.append(valuesYaml());
    out.append("# then: tools/helm-expect ").append(dir).append('\n');
    return out.toString();
  }

  private static String list(List<String> items) {
    return items.stream().map(GeneratedCase::quote).toList().toString();
  }

  /** A YAML double-quoted string (JSON escapes), safe for any text. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
