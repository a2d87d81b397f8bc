package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubeconfigReaderTest {
  @TempDir Path dir;

  @AfterEach
  void clearProperties() {
    System.clearProperty("kubeconfig");
    System.clearProperty(Config.KUBERNETES_HTTPS_PROXY);
  }

  /** Points fabric8 (and the reader, which finds the file as fabric8 does) at a fixture copy. */
  private Path use(String fixture) throws IOException {
    Path file = dir.resolve(fixture);
    try (InputStream in = KubeconfigReaderTest.class.getResourceAsStream("kubeconfig/" + fixture)) {
      Files.copy(Objects.requireNonNull(in, fixture), file);
    }
    System.setProperty("kubeconfig", file.toString());
    return file;
  }

  /** Every property of a fabric8 configuration, by getter name. */
  private static Map<String, Object> properties(Object config) throws ReflectiveOperationException {
    Map<String, Object> props = new TreeMap<>();
    List<Method> getters = new ArrayList<>();
    for (Method m : config.getClass().getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 0
          && (m.getName().startsWith("get") || m.getName().startsWith("is"))
          && !m.getName().equals("getClass")
          // The file fabric8 writes refreshed OIDC and exec tokens back to, from a field only its
          // reader sets; the reader declines both kinds of user.
          && !m.getName().startsWith("getFile")) {
        getters.add(m);
      }
    }
    getters.sort(Comparator.comparing(Method::getName));
    for (Method m : getters) {
      Object value = m.invoke(config);
      props.put(m.getName(), comparable(value));
    }
    return props;
  }

  /**
   * Values made comparable: arrays and {@link RequestConfig} have no {@code equals}, and two {@link
   * NamedContext}s with the same text did not compare equal, so those compare by their text, which
   * names every field.
   */
  private static Object comparable(Object value) throws ReflectiveOperationException {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).sorted().toList();
    }
    if (value instanceof NamedContext context) {
      return context.toString();
    }
    if (value instanceof Object[] array) {
      return Arrays.toString(array);
    }
    if (value instanceof RequestConfig) {
      return properties(value);
    }
    return value;
  }

  @Nested
  @DisplayName("makes the configuration fabric8's reader makes")
  class Agrees {
    @ParameterizedTest(name = "{0}, context {1}")
    @CsvSource(
        nullValues = "-",
        value = {
          "token-ca-file.yaml, -",
          "token-ca-file.yaml, local",
          "client-cert-inline.yaml, -",
          "client-cert-files.yaml, -",
          "insecure-several-contexts.yaml, -",
          "insecure-several-contexts.yaml, prod",
          "insecure-several-contexts.yaml, dev"
        })
    void onEachFixture(String fixture, String context) throws Exception {
      use(fixture);
      Files.createDirectories(dir.resolve("pki"));
      Files.writeString(
          dir.resolve("pki/client.key"),
          "-----BEGIN RSA PRIVATE KEY-----\nMIIFake\n-----END RSA PRIVATE KEY-----\n");

      Optional<Config> ours = KubeconfigReader.read(context);

      assertTrue(ours.isPresent(), "the reader declined " + fixture);
      Map<String, Object> expected = properties(Config.autoConfigure(context));
      Map<String, Object> actual = properties(ours.get());
      assertEquals(expected.keySet(), actual.keySet());
      for (String property : expected.keySet()) {
        assertEquals(expected.get(property), actual.get(property), property);
      }
    }

    @Test
    void keepsWhatFabric8TakesFromSystemProperties() throws Exception {
      use("token-ca-file.yaml");
      System.setProperty(Config.KUBERNETES_HTTPS_PROXY, "http://proxy.example.test:3128");

      Config ours = KubeconfigReader.read(null).orElseThrow();

      assertEquals("http://proxy.example.test:3128", ours.getHttpsProxy());
      assertEquals(properties(Config.autoConfigure(null)), properties(ours));
    }

    @Test
    void resolvesRelativeFilesFromTheKubeconfigsFolder() throws Exception {
      use("client-cert-files.yaml");
      Files.createDirectories(dir.resolve("pki"));
      Files.writeString(dir.resolve("pki/client.key"), "-----BEGIN RSA PRIVATE KEY-----\n");

      Config config = KubeconfigReader.read(null).orElseThrow();

      assertEquals(dir.resolve("pki/ca.crt").toString(), config.getCaCertFile());
      assertEquals(dir.resolve("pki/client.crt").toString(), config.getClientCertFile());
      assertEquals("RSA", config.getClientKeyAlgo());
      assertEquals("ops", config.getNamespace());
      assertEquals("https://10.0.0.1:443/", config.getMasterUrl());
    }

    @Test
    void takesTheNamedContextsClusterUserAndNamespace() throws Exception {
      use("insecure-several-contexts.yaml");

      Config prod = KubeconfigReader.read("prod").orElseThrow();
      Config dev = KubeconfigReader.read(null).orElseThrow();

      assertEquals("https://prod.example.test/", prod.getMasterUrl());
      assertEquals("prod-token", prod.getAutoOAuthToken());
      assertEquals("prefect", prod.getNamespace());
      assertEquals(false, prod.isTrustCerts());
      assertEquals("https://dev.example.test:6443/", dev.getMasterUrl());
      assertEquals(true, dev.isTrustCerts());
      assertEquals(2, dev.getContexts().size());
    }
  }

  @Nested
  @DisplayName("leaves to fabric8's reader what it does not handle")
  class Declines {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "decline-exec.yaml",
          "decline-auth-provider.yaml",
          "decline-basic-auth.yaml",
          "decline-proxy-url.yaml",
          "decline-not-yaml.yaml"
        })
    void aKubeconfigWithKeysItDoesNotKnow(String fixture) throws Exception {
      use(fixture);

      assertEquals(Optional.empty(), KubeconfigReader.read(null));
    }

    @Test
    void aYaml11BooleanSpelling() throws Exception {
      Path file = use("insecure-several-contexts.yaml");
      Files.writeString(
          file,
          Files.readString(file)
              .replace("insecure-skip-tls-verify: true", "insecure-skip-tls-verify: yes"));

      assertEquals(Optional.empty(), KubeconfigReader.read(null));
    }

    @Test
    void aContextTheFileDoesNotHave() throws Exception {
      use("token-ca-file.yaml");

      assertEquals(Optional.empty(), KubeconfigReader.read("elsewhere"));
    }

    @Test
    void aMissingFile() {
      System.setProperty("kubeconfig", dir.resolve("absent.yaml").toString());

      assertEquals(Optional.empty(), KubeconfigReader.read(null));
    }

    @Test
    void whichTheClientThenReadsWithFabric8() throws Exception {
      use("decline-auth-provider.yaml");

      try (KubernetesClient client = ReleaseManager.newClient(null)) {
        assertEquals("https://oidc.example.test/", client.getMasterUrl().toString());
        assertEquals("oidc", client.getConfiguration().getAuthProvider().getName());
      }
    }
  }
}
