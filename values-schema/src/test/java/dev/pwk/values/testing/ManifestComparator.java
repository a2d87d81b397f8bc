package dev.pwk.values.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kubernetes-semantic comparison of two rendered YAML streams, implementing the conformance
 * README's equivalence rules 1–8: documents keyed by (apiVersion, kind, namespace, name) in the
 * same order; null values and empty lists count as absent; maps by key, lists by position; scalars
 * by YAML 1.1 type and value; string-only places accept the Go string form of an expected
 * non-string; {@code checksum/config} must be 64 hex characters on both sides; and ConfigMap data
 * that upstream emits as a map matches a string holding equal JSON.
 */
public final class ManifestComparator {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestComparator() {}

  /** Every difference between the streams, each naming the document and a JSON path. */
  public static List<String> compare(String expectedYaml, String actualYaml) {
    return compare(expectedYaml, actualYaml, false);
  }

  /**
   * As {@link #compare(String, String)}; with {@code divergences}, also what docs/divergences.md
   * accepts beyond the corpus README: a string the user wrote where Helm printed it raw and it
   * reads as another scalar (divergence 3, in any field), and an empty string where Helm printed a
   * null item in a string-only list (the API server reads the null as the empty string).
   */
  public static List<String> compare(String expectedYaml, String actualYaml, boolean divergences) {
    Map<String, Object> expected = documents(expectedYaml);
    Map<String, Object> actual = documents(actualYaml);
    List<String> diffs = new ArrayList<>();
    if (!new ArrayList<>(expected.keySet()).equals(new ArrayList<>(actual.keySet()))) {
      if (divergences && sameNamesAsWritten(expected, actual)) {
        // Pair the documents by position; the walk compares the names (divergence 3).
        actual = byExpectedIdentity(expected, actual);
      } else {
        diffs.add(
            "documents differ (rule 2): expected "
                + expected.keySet()
                + " but got "
                + actual.keySet());
      }
    }
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      if (actual.containsKey(e.getKey())) {
        boolean configMap = e.getKey().contains(" ConfigMap ");
        new Walk(e.getKey(), configMap, divergences, diffs)
            .compare(e.getValue(), actual.get(e.getKey()), new ArrayList<>());
      }
    }
    return diffs;
  }

  /**
   * The same documents in the same order, where a name Helm printed raw reads as another scalar
   * ({@code fullnameOverride} {@code "1e3"} is the float 1000 in Helm's output) and pwk kept the
   * string the user wrote: the identities differ only in such names.
   */
  private static boolean sameNamesAsWritten(
      Map<String, Object> expected, Map<String, Object> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    List<Object> e = new ArrayList<>(expected.values());
    List<Object> a = new ArrayList<>(actual.values());
    for (int i = 0; i < e.size(); i++) {
      Map<?, ?> em = (Map<?, ?>) e.get(i);
      Map<?, ?> am = (Map<?, ?>) a.get(i);
      Object en = metadata(em).get("name");
      Object an = metadata(am).get("name");
      boolean sameName = Objects.equals(en, an) || an instanceof String s && readsAs(s, en);
      if (!sameName
          || !Objects.equals(em.get("apiVersion"), am.get("apiVersion"))
          || !Objects.equals(em.get("kind"), am.get("kind"))
          || !Objects.equals(metadata(em).get("namespace"), metadata(am).get("namespace"))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Object> byExpectedIdentity(
      Map<String, Object> expected, Map<String, Object> actual) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> a = new ArrayList<>(actual.values());
    int i = 0;
    for (String id : expected.keySet()) {
      out.put(id, a.get(i++));
    }
    return out;
  }

  private static Map<?, ?> metadata(Map<?, ?> document) {
    return document.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
  }

  /** Non-empty documents keyed by identity, in stream order (rules 1 and 2). */
  private static Map<String, Object> documents(String yaml) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object doc : Yaml11.loadAll(yaml)) {
      Object normal = normalize(doc);
      if (normal == null || (normal instanceof Map<?, ?> m && m.isEmpty())) {
        continue;
      }
      if (!(normal instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("a document is not a map: " + normal);
      }
      Map<?, ?> md = metadata(m);
      String id =
          m.get("apiVersion")
              + " "
              + m.get("kind")
              + " "
              + md.get("namespace")
              + "/"
              + md.get("name");
      if (out.put(id, normal) != null) {
        throw new IllegalArgumentException("two documents with identity " + id);
      }
    }
    return out;
  }

  /** Drops map entries whose value is null or an empty list, after normalising the value. */
  static Object normalize(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object v = normalize(e.getValue());
        if (v == null || (v instanceof List<?> l && l.isEmpty())) {
          continue;
        }
        out.put(String.valueOf(e.getKey()), v);
      }
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(item -> out.add(normalize(item)));
      return out;
    }
    if (node instanceof Integer || node instanceof Long || node instanceof Short) {
      return BigInteger.valueOf(((Number) node).longValue());
    }
    if (node instanceof Float) {
      return ((Float) node).doubleValue();
    }
    if (node instanceof BigDecimal b) {
      return b.doubleValue();
    }
    return node;
  }

  /** One document's walk; {@code path} holds map keys (String) and list indexes (Integer). */
  private record Walk(String document, boolean configMap, boolean divergences, List<String> diffs) {

    void compare(Object expected, Object actual, List<Object> path) {
      if (isChecksum(path)) {
        if (!(expected instanceof String e && HEX64.matcher(e).matches())
            || !(actual instanceof String a && HEX64.matcher(a).matches())) {
          report(
              path,
              "checksum/config must be 64 hex characters on both sides (rule 7)",
              expected,
              actual);
        }
        return;
      }
      if (expected instanceof Map<?, ?> em) {
        if (actual instanceof String s && isConfigMapData(path)) {
          parseJson(s, path).ifPresent(json -> compare(expected, json, path));
          return;
        }
        if (!(actual instanceof Map<?, ?> am)) {
          report(path, "expected a map", expected, actual);
          return;
        }
        Set<Object> keys = new LinkedHashSet<>(em.keySet());
        keys.addAll(am.keySet());
        for (Object key : keys) {
          List<Object> child = with(path, key);
          if (!am.containsKey(key)) {
            if (isOmittedWhenEmpty(child, em.get(key))) {
              continue; // the API server omits these maps when empty: the same object
            }
            report(child, "missing", em.get(key), null);
          } else if (!em.containsKey(key)) {
            report(child, "unexpected", null, am.get(key));
          } else {
            compare(em.get(key), am.get(key), child);
          }
        }
        return;
      }
      if (expected instanceof List<?> el) {
        if (actual instanceof String s && isConfigMapData(path)) {
          parseJson(s, path).ifPresent(json -> compare(expected, json, path));
          return;
        }
        if (!(actual instanceof List<?> al)) {
          report(path, "expected a list", expected, actual);
          return;
        }
        if (el.size() != al.size()) {
          report(path, "list length " + al.size() + " instead of " + el.size(), expected, actual);
        }
        for (int i = 0; i < Math.min(el.size(), al.size()); i++) {
          compare(el.get(i), al.get(i), with(path, i));
        }
        return;
      }
      if (expected == null && actual == null || sameScalar(expected, actual)) {
        return; // a null list item on both sides (null map values are dropped before)
      }
      if (!(expected instanceof String)
          && expected != null
          && actual instanceof String a
          && (isStringOnly(path) && a.equals(goString(expected))
              || divergences && readsAs(a, expected))) {
        // pwk builds typed objects, so a string here fills a string field: the one the user
        // wrote, which Helm printed raw (divergence 3 in docs/divergences.md).
        return;
      }
      if (divergences && expected == null && "".equals(actual) && isStringOnly(path)) {
        // An empty value inserted raw is a null list item upstream; the API server decodes a
        // null in a string field as the empty string.
        return;
      }
      report(path, "different value", expected, actual);
    }

    /** Rule 8: the actual string as JSON, or empty (reported) when it is not JSON. */
    private Optional<Object> parseJson(String text, List<Object> path) {
      try {
        Object json = normalize(JSON.readValue(text, Object.class));
        if (json == null) {
          report(path, "ConfigMap data is JSON null (rule 8)", null, text);
        }
        return Optional.ofNullable(json);
      } catch (JsonProcessingException e) {
        report(path, "ConfigMap data is not JSON (rule 8): " + e.getOriginalMessage(), null, text);
        return Optional.empty();
      }
    }

    /** An empty metadata labels or annotations map, or pod nodeSelector (omitempty fields). */
    private static boolean isOmittedWhenEmpty(List<Object> path, Object value) {
      int n = path.size();
      if (!(value instanceof Map<?, ?> m) || !m.isEmpty() || n < 2) {
        return false;
      }
      Object parent = path.get(n - 2);
      Object key = path.get(n - 1);
      return "metadata".equals(parent) && ("annotations".equals(key) || "labels".equals(key))
          || "spec".equals(parent) && "nodeSelector".equals(key);
    }

    private boolean isConfigMapData(List<Object> path) {
      return configMap && path.size() == 2 && "data".equals(path.get(0));
    }

    private void report(List<Object> path, String what, Object expected, Object actual) {
      diffs.add(
          document
              + " "
              + jsonPath(path)
              + ": "
              + what
              + " (expected "
              + describe(expected)
              + ", actual "
              + describe(actual)
              + ")");
    }
  }

  private static boolean sameScalar(Object expected, Object actual) {
    if (expected instanceof Double e && actual instanceof Double a) {
      return e.equals(a);
    }
    return expected != null
        && actual != null
        && expected.getClass() == actual.getClass()
        && Objects.equals(expected, actual);
  }

  private static boolean isChecksum(List<Object> path) {
    return path.equals(List.of("spec", "template", "metadata", "annotations", "checksum/config"));
  }

  /**
   * Rule 6: items of {@code args} and {@code command} and {@code env[].value} of any container or
   * init container, and values of {@code metadata.labels}, {@code metadata.annotations} and {@code
   * selector.matchLabels}.
   */
  static boolean isStringOnly(List<Object> path) {
    int n = path.size();
    if (n >= 3 && path.get(n - 1) instanceof String) {
      Object parent = path.get(n - 2);
      Object grand = path.get(n - 3);
      if ("metadata".equals(grand) && ("labels".equals(parent) || "annotations".equals(parent))) {
        return true;
      }
      if ("selector".equals(grand) && "matchLabels".equals(parent)) {
        return true;
      }
      if ("spec".equals(grand) && "nodeSelector".equals(parent)) {
        return true; // divergences.md: also a map of strings that the chart prints raw
      }
    }
    if (n >= 3
        && path.get(n - 1) instanceof Integer
        && ("nameservers".equals(path.get(n - 2)) || "searches".equals(path.get(n - 2)))
        && "dnsConfig".equals(path.get(n - 3))) {
      return true; // divergences.md: lists of strings whose items the chart prints raw
    }
    if (n >= 4
        && path.get(n - 1) instanceof Integer
        && ("args".equals(path.get(n - 2)) || "command".equals(path.get(n - 2)))
        && path.get(n - 3) instanceof Integer
        && isContainerList(path.get(n - 4))) {
      return true;
    }
    return n >= 5
        && "value".equals(path.get(n - 1))
        && path.get(n - 2) instanceof Integer
        && "env".equals(path.get(n - 3))
        && path.get(n - 4) instanceof Integer
        && isContainerList(path.get(n - 5));
  }

  private static boolean isContainerList(Object key) {
    return "containers".equals(key) || "initContainers".equals(key);
  }

  /**
   * Whether {@code text}, inserted unquoted as upstream inserts it, reads as {@code expected}: the
   * string the user wrote (divergence 3, e.g. {@code "0x10"} where Helm's output reads 16).
   */
  static boolean readsAs(String text, Object expected) {
    try {
      List<Object> docs = Yaml11.loadAll("v: " + text + "\n");
      if (docs.size() != 1 || !(docs.get(0) instanceof Map<?, ?> m) || m.size() != 1) {
        return false;
      }
      Object written = normalize(m.get("v"));
      return sameScalar(expected, written) || sameNumber(expected, written);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Two numbers of equal value: Helm reads a values file's integers as float64, so it prints {@code
   * 1000000} as {@code 1e+06} where it inserts it raw.
   */
  private static boolean sameNumber(Object expected, Object written) {
    return expected instanceof Number e
        && written instanceof Number w
        && new BigDecimal(e.toString()).compareTo(new BigDecimal(w.toString())) == 0;
  }

  /** The Go string form of a YAML scalar: decimal integers, Go {@code %v} floats. */
  static String goString(Object scalar) {
    if (scalar instanceof Double d) {
      return goFloat(d);
    }
    return String.valueOf(scalar);
  }

  /** Go's {@code %v} for float64: %e form when the exponent is below -4 or at least 6. */
  public static String goFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = b.unscaledValue().toString();
    int exponent = digits.length() - 1 - b.scale();
    String sign = d < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 6) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign
          + mantissa
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(exponent));
    }
    return sign + b.toPlainString();
  }

  private static List<Object> with(List<Object> path, Object segment) {
    List<Object> out = new ArrayList<>(path);
    out.add(segment);
    return out;
  }

  /** {@code $.spec.containers[0].env[3].value} or {@code $.metadata.annotations["a/b"]}. */
  static String jsonPath(List<Object> path) {
    StringBuilder out = new StringBuilder("$");
    for (Object seg : path) {
      if (seg instanceof Integer i) {
        out.append('[').append(i).append(']');
      } else if (IDENTIFIER.matcher(seg.toString()).matches()) {
        out.append('.').append(seg);
      } else {
        out.append("[\"").append(seg.toString().replace("\"", "\\\"")).append("\"]");
      }
    }
    return out.toString();
  }

  private static String describe(Object v) {
    if (v == null) {
      return "absent";
    }
    String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
    if (s.length() > 120) {
      s = s.substring(0, 117) + "...";
    }
    return s + " (" + v.getClass().getSimpleName() + ")";
  }
}
