package dev.pwk.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("StrictReader decodes as a strict API server does")
class StrictReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  @DisplayName("a known tree reads into its model with no problems")
  void clean() throws Exception {
    StrictReader.Result<Pod> r =
        StrictReader.read(
            json(
                "{'spec': {'containers': [{'name': 'a', 'image': 'x',"
                    + " 'ports': [{'containerPort': 80}]}]}}"),
            Pod.class,
            10);
    assertEquals("a", r.object().orElseThrow().getSpec().getContainers().get(0).getName());
    assertEquals(List.of(), r.unknownFields());
    assertEquals(List.of(), r.wrongTypes());
  }

  @Test
  @DisplayName("every unknown field is found in one pass, with its pointer, class and suggestion")
  void unknownFields() throws Exception {
    StrictReader.Result<Pod> r =
        StrictReader.read(
            json(
                "{'spec': {'containers': [{'name': 'a', 'imagePullPolicyy': 'Always'}],"
                    + " 'securityContext': {'fsGroupp': 1}, 'zzz': true}}"),
            Pod.class,
            10);
    assertTrue(r.object().isPresent());
    assertEquals(
        List.of(
            new StrictReader.UnknownField(
                "/spec/containers/0/imagePullPolicyy",
                "Container",
                "imagePullPolicyy",
                Optional.of("imagePullPolicy")),
            new StrictReader.UnknownField(
                "/spec/securityContext/fsGroupp",
                "PodSecurityContext",
                "fsGroupp",
                Optional.of("fsGroup")),
            new StrictReader.UnknownField("/spec/zzz", "PodSpec", "zzz", Optional.empty())),
        r.unknownFields());
  }

  @Test
  @DisplayName("no scalar coercion: each wrong value is reported, and the rest still read")
  void wrongTypes() throws Exception {
    StrictReader.Result<Pod> r =
        StrictReader.read(
            json(
                "{'spec': {'containers': [{'name': 5, 'ports': [{'containerPort': '80'}]}],"
                    + " 'hostNetwork': 'yes', 'zzz': 1}}"),
            Pod.class,
            10);
    assertEquals(
        List.of(
            new StrictReader.WrongType("/spec/containers/0/name", "a string"),
            new StrictReader.WrongType("/spec/containers/0/ports/0/containerPort", "an integer"),
            new StrictReader.WrongType("/spec/hostNetwork", "a boolean")),
        r.wrongTypes());
    assertTrue(r.object().isPresent());
    assertEquals(List.of("/spec/zzz"), r.unknownFields().stream().map(u -> u.pointer()).toList());
  }

  @Test
  @DisplayName("with a limit of one, the first wrong value stops the read")
  void stopsAtTheLimit() throws Exception {
    StrictReader.Result<Pod> r =
        StrictReader.read(
            json("{'spec': {'zzz': 1, 'hostNetwork': 'yes', 'hostPID': 'no'}}"), Pod.class, 1);
    assertEquals(Optional.empty(), r.object());
    assertEquals(
        List.of(new StrictReader.WrongType("/spec/hostNetwork", "a boolean")), r.wrongTypes());
    assertEquals(List.of("/spec/zzz"), r.unknownFields().stream().map(u -> u.pointer()).toList());
  }
}
