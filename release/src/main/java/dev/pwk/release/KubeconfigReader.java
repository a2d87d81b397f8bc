package dev.pwk.release;

import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the common kubeconfig into fabric8's {@link Config} without fabric8's own reader, which
 * parses the file into its Jackson model and so builds Jackson's bean deserializers at every start
 * (a large part of a cluster command's start: docs/performance.md).
 *
 * <p>It takes one file, found as fabric8 finds it, whose chosen context names a cluster with {@code
 * server}, {@code certificate-authority[-data]} and {@code insecure-skip-tls-verify}, and a user
 * with {@code token} and {@code client-certificate[-data]}/{@code client-key[-data]}. Anything else
 * (several files, no file, an unknown context, a key it does not know such as {@code exec}, {@code
 * auth-provider} or {@code proxy-url}, a file it cannot parse) makes it decline, and the caller
 * uses fabric8's reader, so every feature and error message of that reader stays.
 */
final class KubeconfigReader {
  private static final Set<String> CLUSTER_KEYS =
      Set.of(
          "server",
          "certificate-authority",
          "certificate-authority-data",
          "insecure-skip-tls-verify");
  private static final Set<String> USER_KEYS =
      Set.of(
          "token",
          "client-certificate",
          "client-certificate-data",
          "client-key",
          "client-key-data");
  private static final Set<String> CONTEXT_KEYS = Set.of("cluster", "user", "namespace");

  // The names fabric8's reader gives these context properties (KubeConfigUtils, internal).
  private static final String CONTEXT_FILE_KEY = "KUBERNETES_CONFIG_CONTEXT_FILE_KEY";
  private static final String CLUSTER_FILE_KEY = "KUBERNETES_CONFIG_CLUSTER_FILE_KEY";
  private static final String AUTH_INFO_FILE_KEY = "KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY";

  /** Thrown inside the reader when the file needs fabric8's reader. */
  private static final class Decline extends Exception {
    private static final long serialVersionUID = 1L;

    Decline() {
      super(null, null, false, false);
    }
  }

  private KubeconfigReader() {}

  /**
   * The configuration fabric8's {@code Config.autoConfigure(kubeContext)} would make, when this
   * reader handles the kubeconfig; empty when fabric8's reader must do it.
   */
  static Optional<Config> read(String kubeContext) {
    Collection<String> files = Config.getKubeconfigFilenames();
    if (files.size() != 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(Path.of(files.iterator().next()), kubeContext));
    } catch (Decline e) {
      return Optional.empty();
    }
  }

  private static Config read(Path file, String kubeContext) throws Decline {
    if (!Files.isRegularFile(file)) {
      return decline();
    }
    Map<String, Object> root = mapping(parse(file));
    String contextName = kubeContext != null ? kubeContext : string(root, "current-context");
    Map<String, Map<String, Object>> contexts = named(root, "contexts", "context");
    Map<String, Object> context = contexts.get(contextName);
    if (context == null || !CONTEXT_KEYS.containsAll(context.keySet())) {
      return decline();
    }
    Map<String, Object> cluster =
        named(root, "clusters", "cluster").get(string(context, "cluster"));
    Map<String, Object> user = named(root, "users", "user").get(string(context, "user"));
    if (cluster == null
        || user == null
        || !CLUSTER_KEYS.containsAll(cluster.keySet())
        || !USER_KEYS.containsAll(user.keySet())
        || string(cluster, "server") == null) {
      return decline();
    }

    // The settings fabric8 takes from system properties and the environment (proxies, for one)
    // come first, as in autoConfigure; the kubeconfig's then override them.
    Config config = Config.empty();
    Config.configFromSysPropsOrEnvVars(config);
    // fabric8's autoConfigure marks the configurations it makes so; the client may consult it.
    config.setAutoConfigure(true);
    String source = file.toAbsolutePath().toString();
    config.setContexts(contexts(contexts, contextName, source));
    config.setCurrentContext(
        config.getContexts().stream()
            .filter(c -> c.getName().equals(contextName))
            .findFirst()
            .orElseThrow());
    String server = string(cluster, "server");
    config.setMasterUrl(server.endsWith("/") ? server : server + "/");
    String namespace = string(context, "namespace");
    if (namespace != null) {
      config.setNamespace(namespace);
    }
    File dir = file.toAbsolutePath().getParent().toFile();
    config.setCaCertFile(path(dir, string(cluster, "certificate-authority")));
    config.setCaCertData(string(cluster, "certificate-authority-data"));
    String insecure = string(cluster, "insecure-skip-tls-verify");
    if (insecure != null && !insecure.equals("true") && !insecure.equals("false")) {
      // YAML 1.1 spellings such as "yes" or "True" are left to fabric8's parser.
      return decline();
    }
    if ("true".equals(insecure)) {
      config.setTrustCerts(true);
      config.setDisableHostnameVerification(true);
    }
    config.setClientCertFile(path(dir, string(user, "client-certificate")));
    config.setClientCertData(string(user, "client-certificate-data"));
    config.setClientKeyFile(path(dir, string(user, "client-key")));
    config.setClientKeyData(string(user, "client-key-data"));
    if (config.getClientKeyFile() != null || config.getClientKeyData() != null) {
      config.setClientKeyAlgo(
          Config.getKeyAlgorithm(config.getClientKeyFile(), config.getClientKeyData()));
    }
    String token = string(user, "token");
    if (token != null) {
      config.setAutoOAuthToken(token);
    }
    return config;
  }

  private static Node parse(Path file) throws Decline {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(0);
      Node node =
          new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
              .getSingleNode();
      return node == null ? decline() : node;
    } catch (IOException | YAMLException | IllegalArgumentException e) {
      return decline();
    }
  }

  /** A YAML mapping of string keys, with scalars as strings and mappings and sequences nested. */
  private static Map<String, Object> mapping(Node node) throws Decline {
    if (!(node instanceof MappingNode m)) {
      return decline();
    }
    Map<String, Object> map = new HashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        return decline();
      }
      map.put(key.getValue(), value(t.getValueNode()));
    }
    return map;
  }

  private static Object value(Node node) throws Decline {
    if (node instanceof ScalarNode s) {
      return s.getTag().getValue().endsWith(":null") ? null : s.getValue();
    }
    if (node instanceof SequenceNode s) {
      List<Object> list = new ArrayList<>();
      for (Node item : s.getValue()) {
        list.add(value(item));
      }
      return list;
    }
    return mapping(node);
  }

  /** Each entry's {@code inner} mapping of the list {@code key} ({@code contexts}...), by name. */
  private static Map<String, Map<String, Object>> named(
      Map<String, Object> root, String key, String inner) throws Decline {
    Object list = root.get(key);
    Map<String, Map<String, Object>> byName = new HashMap<>();
    if (list == null) {
      return byName;
    }
    if (!(list instanceof List<?> items)) {
      return decline();
    }
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> entry)
          || !(entry.get("name") instanceof String name)
          || !(entry.get(inner) instanceof Map<?, ?> body)) {
        return decline();
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) body;
      // kubectl takes the first of two entries with one name; fabric8 the last: leave it to it.
      if (byName.put(name, typed) != null) {
        return decline();
      }
    }
    return byName;
  }

  /**
   * The contexts as fabric8 lists them: each marked with the file it came from, the current one
   * also with the files of its cluster and user (where fabric8 writes refreshed tokens back).
   */
  private static List<NamedContext> contexts(
      Map<String, Map<String, Object>> contexts, String current, String source) throws Decline {
    List<NamedContext> list = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> e : contexts.entrySet()) {
      Map<String, Object> context = e.getValue();
      Context c = new Context();
      c.setCluster(string(context, "cluster"));
      c.setUser(string(context, "user"));
      c.setNamespace(string(context, "namespace"));
      NamedContext named = new NamedContext(c, e.getKey());
      named.setAdditionalProperty(CONTEXT_FILE_KEY, source);
      if (e.getKey().equals(current)) {
        named.setAdditionalProperty(CLUSTER_FILE_KEY, source);
        named.setAdditionalProperty(AUTH_INFO_FILE_KEY, source);
      }
      list.add(named);
    }
    return list;
  }

  private static String string(Map<String, Object> map, String key) throws Decline {
    Object value = map.get(key);
    if (value != null && !(value instanceof String)) {
      return decline();
    }
    return (String) value;
  }

  /** A path in the kubeconfig; relative ones start at the kubeconfig's folder, as in kubectl. */
  private static String path(File dir, String path) {
    if (path == null || path.isEmpty() || new File(path).isAbsolute()) {
      return path;
    }
    return new File(dir, path).getAbsolutePath();
  }

  private static <T> T decline() throws Decline {
    throw new Decline();
  }
}
