package dev.pwk.dist;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in Kubernetes API server on 127.0.0.1 for the class-data-sharing training run, so that
 * the archive holds the classes the cluster commands load (the client, its HTTP and TLS stack, the
 * model classes) without the build needing a cluster. It keeps what it is sent in memory and
 * answers gets, lists, creates, replaces, server-side applies and deletes, enough for install,
 * upgrade, diff, status, history, rollback and uninstall to run through; nothing else of an API
 * server. It serves HTTPS, as API servers do, with a throwaway key pair that the JDK's keytool
 * makes for each run; plain HTTP when that fails.
 */
final class TrainingCluster implements AutoCloseable {
  static final String NAMESPACE = "pwk-training";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Server-side apply sends YAML, of which JSON is a part. */
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"20\",\"gitVersion\":\"v1.20.2\",\"platform\":\"linux/amd64\"}";
  private static final String API_GROUPS =
      "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":["
          + group("apps", "v1")
          + ","
          + group("autoscaling", "v2beta2")
          + ","
          + group("policy", "v1beta1")
          + ","
          + group("rbac.authorization.k8s.io", "v1")
          + "]}";

  private static final String STORE_PASSWORD = "pwk-training";

  private final HttpServer server;
  private final String certificateAuthority;
  private final Map<String, ObjectNode> objects = new TreeMap<>();
  private int resourceVersion;

  /** A server whose scratch files (the key store) go to {@code dir}. */
  TrainingCluster(Path dir) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    KeyStore keys = keyStore(dir.resolve("server.p12"));
    if (keys == null) {
      server = HttpServer.create(address, 0);
      certificateAuthority = null;
    } else {
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(sslContext(keys)));
      server = https;
      certificateAuthority = pem(keys);
    }
    server.createContext("/", this::handle);
    store("/api/v1/namespaces/" + NAMESPACE, namespace(NAMESPACE));
    store("/api/v1/namespaces/kube-system", namespace("kube-system"));
    server.start();
  }

  /** Writes a kubeconfig for this server into {@code dir} and returns its path. */
  Path kubeconfig(Path dir) throws IOException {
    String cluster =
        certificateAuthority == null
            ? "{server: 'http://127.0.0.1:" + server.getAddress().getPort() + "'}"
            : "{server: 'https://127.0.0.1:"
                + server.getAddress().getPort()
                + "', certificate-authority-data: "
                + Base64.getEncoder().encodeToString(certificateAuthority.getBytes(US_ASCII))
                + "}";
    return Files.writeString(
        dir.resolve("kubeconfig"),
        "apiVersion: v1\nkind: Config\nclusters:\n- name: training\n  cluster: "
            + cluster
            + "\ncontexts:\n- name: training\n  context: {cluster: training, user: training,"
            + " namespace: "
            + NAMESPACE
            + "}\ncurrent-context: training\nusers:\n- name: training\n  user: {token: training}\n");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A fresh key pair and certificate for 127.0.0.1 from keytool, or null when that fails. */
  private static KeyStore keyStore(Path file) {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    try {
      Process p =
          new ProcessBuilder(
                  keytool.toString(),
                  "-genkeypair",
                  "-alias",
                  "training",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  "CN=127.0.0.1",
                  "-ext",
                  "san=ip:127.0.0.1",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.toString(),
                  "-storepass",
                  STORE_PASSWORD)
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        return null;
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        keys.load(in, STORE_PASSWORD.toCharArray());
      }
      return keys;
    } catch (IOException | GeneralSecurityException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static SSLContext sslContext(KeyStore keys) throws IOException {
    try {
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, STORE_PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static String pem(KeyStore keys) throws IOException {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII))
              .encodeToString(keys.getCertificate("training").getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = String.valueOf(exchange.getRequestURI().getQuery());
      byte[] body = exchange.getRequestBody().readAllBytes();
      switch (exchange.getRequestMethod()) {
        case "GET" -> get(exchange, path);
        case "POST" -> {
          ObjectNode object = (ObjectNode) JSON.readTree(body);
          String key = path + "/" + object.path("metadata").path("name").asText();
          if (objects.containsKey(key)) {
            respond(exchange, 409, status(409, "AlreadyExists"));
          } else {
            respond(exchange, 201, store(key, object));
          }
        }
        case "PUT", "PATCH" -> {
          ObjectNode object = (ObjectNode) YAML.readTree(body);
          respond(exchange, 200, query.contains("dryRun") ? object : store(path, object));
        }
        case "DELETE" ->
            respond(exchange, objects.remove(path) == null ? 404 : 200, status(200, "Success"));
        default -> respond(exchange, 405, status(405, "MethodNotAllowed"));
      }
    }
  }

  private void get(HttpExchange exchange, String path) throws IOException {
    if (path.equals("/version")) {
      respond(exchange, 200, JSON.readTree(VERSION));
    } else if (path.equals("/apis")) {
      respond(exchange, 200, JSON.readTree(API_GROUPS));
    } else if (objects.containsKey(path)) {
      respond(exchange, 200, objects.get(path));
    } else if (isCollection(path)) {
      ObjectNode list = JSON.createObjectNode();
      list.put("apiVersion", "v1");
      list.putObject("metadata").put("resourceVersion", Integer.toString(resourceVersion));
      ArrayNode items = list.putArray("items");
      objects.forEach(
          (key, object) -> {
            if (key.startsWith(path + "/") && key.indexOf('/', path.length() + 1) < 0) {
              items.add(object);
            }
          });
      respond(exchange, 200, list);
    } else {
      respond(exchange, 404, status(404, "NotFound"));
    }
  }

  /** Core paths name a collection with an odd number of segments, group paths with an even. */
  private static boolean isCollection(String path) {
    int segments = path.substring(1).split("/").length;
    return path.startsWith("/api/") ? segments % 2 == 1 : segments % 2 == 0;
  }

  private ObjectNode store(String key, ObjectNode object) {
    ObjectNode metadata = object.with("metadata");
    metadata.put("resourceVersion", Integer.toString(++resourceVersion));
    metadata.put("uid", "00000000-0000-4000-8000-" + String.format("%012d", resourceVersion));
    objects.put(key, object);
    return object;
  }

  private static void respond(HttpExchange exchange, int code, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static ObjectNode namespace(String name) {
    ObjectNode ns = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
    ns.putObject("metadata").put("name", name);
    return ns;
  }

  private static JsonNode status(int code, String reason) {
    return JSON.createObjectNode()
        .put("apiVersion", "v1")
        .put("kind", "Status")
        .put("status", code < 300 ? "Success" : "Failure")
        .put("reason", reason)
        .put("code", code);
  }

  private static String group(String name, String version) {
    return "{\"name\":\""
        + name
        + "\",\"versions\":[{\"groupVersion\":\""
        + name
        + "/"
        + version
        + "\",\"version\":\""
        + version
        + "\"}]}";
  }
}
