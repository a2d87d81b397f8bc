package dev.pwk.it.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.release.examples.DiffReleaseExample;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's release example, run against fabric8's mock API server with no release on it. */
@EnableKubernetesMockClient(crud = true)
class DiffReleaseExampleTest {
  KubernetesClient client;

  @Test
  void listsEveryObjectOfANewReleaseAsAdded() throws Exception {
    String out = DiffReleaseExample.diff(client, Path.of("src", "test", "resources", "values.yaml"));

    assertEquals(
        List.of(
            "ADDED ServiceAccount prefect/prefect-worker",
            "ADDED Role prefect/prefect-worker",
            "ADDED RoleBinding prefect/prefect-worker",
            "ADDED Deployment prefect/prefect-worker"),
        out.lines().filter(l -> l.startsWith("ADDED ")).toList());
    assertTrue(out.contains("\n+kind: \"Deployment\"\n"), out);
  }
}
