package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pwk.values.testing.ConformanceCase;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Optional;

/** Test access to one rendering's objects, named as the upstream unit tests name them. */
record Rendered(Rendering rendering) {

  /** Renders upstream unit test {@code n}'s values (corpus case {@code ut-NN-…}). */
  static Rendered upstreamTest(int n) {
    String prefix = String.format("ut-%02d-", n);
    ConformanceCase c =
        ConformanceCase.all().stream()
            .filter(x -> x.name().startsWith(prefix))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no corpus case " + prefix));
    return new Rendered(TestValues.render(TestValues.load(c), TestValues.options(c)));
  }

  static Rendered of(Rendering r) {
    return new Rendered(r);
  }

  Deployment deployment() {
    return rendering.find(Deployment.class).orElseThrow();
  }

  PodSpec pod() {
    return deployment().getSpec().getTemplate().getSpec();
  }

  /** {@code C0}: the worker container. */
  Container c0() {
    return pod().getContainers().get(0);
  }

  /** {@code I0}: the first init container. */
  Container i0() {
    return pod().getInitContainers().get(0);
  }

  Role role() {
    return rendering.find(Role.class).orElseThrow();
  }

  RoleBinding roleBinding() {
    return rendering.find(RoleBinding.class).orElseThrow();
  }

  ServiceAccount serviceAccount() {
    return rendering.find(ServiceAccount.class).orElseThrow();
  }

  ConfigMap configMap() {
    return rendering.find(ConfigMap.class).orElseThrow();
  }

  /** The object of the given kind, whatever its API version. */
  Optional<HasMetadata> kind(String kind) {
    return rendering.objects().stream()
        .map(RenderedObject::object)
        .filter(o -> o.getKind().equals(kind))
        .findFirst();
  }

  /** The documents a template rendered, like helm-unittest's {@code hasDocuments}. */
  long documents(String template) {
    return rendering.objects().stream().filter(o -> o.templateFile().equals(template)).count();
  }

  /** {@code env[?(@.name == name)]}, which must exist once. */
  static EnvVar env(Container c, String name) {
    List<EnvVar> found = c.getEnv().stream().filter(e -> e.getName().equals(name)).toList();
    assertEquals(1, found.size(), () -> "env " + name + " in " + names(c));
    return found.get(0);
  }

  static boolean hasEnv(Container c, String name) {
    return c.getEnv().stream().anyMatch(e -> e.getName().equals(name));
  }

  static List<String> names(Container c) {
    return c.getEnv().stream().map(EnvVar::getName).toList();
  }
}
