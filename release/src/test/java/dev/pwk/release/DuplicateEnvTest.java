package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Env vars named twice in a container (refused by server-side apply)")
class DuplicateEnvTest {

  private static Deployment deployment() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("w")
        .withNamespace("ns")
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .addNewInitContainer()
        .withName("sync")
        .addNewEnv()
        .withName("HOME")
        .withValue("/home")
        .endEnv()
        .addNewEnv()
        .withName("PREFECT_API_KEY")
        .withValue("from-secret")
        .endEnv()
        .addNewEnv()
        .withName("OTHER")
        .withValue("x")
        .endEnv()
        .addNewEnv()
        .withName("PREFECT_API_KEY")
        .withValue("user")
        .endEnv()
        .endInitContainer()
        .addNewContainer()
        .withName("main")
        .addNewEnv()
        .withName("A")
        .withValue("1")
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  @DisplayName("keeps the last of each name, where it stands, as the kubelet would use it")
  void keepsLast() {
    Deployment d = deployment();
    DuplicateEnv.keepLast(d);
    List<EnvVar> env = d.getSpec().getTemplate().getSpec().getInitContainers().get(0).getEnv();
    assertEquals(
        List.of("HOME", "OTHER", "PREFECT_API_KEY"), env.stream().map(EnvVar::getName).toList());
    assertEquals("user", env.get(2).getValue());
    assertEquals(1, d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().size());
  }

  @Test
  @DisplayName("names each repeated variable once, without its value")
  void describes() {
    List<String> lines = DuplicateEnv.describe(deployment());
    assertEquals(1, lines.size());
    assertEquals(
        "container sync of Deployment ns/w sets PREFECT_API_KEY more than once; server-side apply"
            + " refuses that, so only the last one (the one the kubelet would use) is applied",
        lines.get(0));
  }
}
