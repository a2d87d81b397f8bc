package dev.pwk.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pwk.values.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pod rules on their own, reporting to a sink (the renderer and validator test the rest). */
@DisplayName("pod rules")
class PodRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Reported(String pointer, String ruleId, Severity severity, String message) {}

  private static List<Reported> check(String podSpec, PodRules.Owner owner) throws Exception {
    List<Reported> out = new ArrayList<>();
    FieldChecks c =
        new FieldChecks(
            (at, ruleId, severity, message) ->
                out.add(new Reported(at.pointer(), ruleId, severity, message)),
            key -> null);
    JsonNode pod = JSON.readTree(podSpec);
    PodRules.check(c, new Value("/pod", pod), owner);
    return out;
  }

  @Test
  @DisplayName("a Deployment's pod must restart Always and have a container")
  void deploymentPod() throws Exception {
    assertEquals(
        List.of(
            new Reported(
                "/pod/restartPolicy",
                FieldChecks.INVALID_VALUE,
                Severity.ERROR,
                "pod.restartPolicy is 'Never'; Kubernetes accepts only Always"),
            new Reported(
                "/pod/containers",
                FieldChecks.REQUIRED,
                Severity.ERROR,
                "pod.containers is required")),
        check("{\"restartPolicy\": \"Never\"}", PodRules.Owner.DEPLOYMENT));
  }

  @Test
  @DisplayName("a Job's pod leaves its restart policy and its containers to the caller")
  void jobPod() throws Exception {
    assertEquals(List.of(), check("{\"restartPolicy\": \"Never\"}", PodRules.Owner.JOB));
  }

  @Test
  @DisplayName("findings carry the pointer under the given prefix, and a warning stays a warning")
  void pointersAndSeverity() throws Exception {
    assertEquals(
        List.of(
            new Reported(
                "/pod/containers/0/env/1/name",
                PodRules.DUPLICATE_ENV,
                Severity.WARNING,
                "pod.containers[0].env[1].name sets 'A' again (first set at"
                    + " pod.containers[0].env[0].name); only the last value takes effect")),
        check(
            """
            {"containers": [{"name": "c", "image": "i",
              "env": [{"name": "A", "value": "1"}, {"name": "A", "value": "2"}]}]}
            """,
            PodRules.Owner.JOB));
  }

  @Test
  @DisplayName("a message key neither pwk-kube nor the caller has is a bug, not a finding")
  void unknownMessage() {
    FieldChecks c = new FieldChecks((at, ruleId, severity, message) -> {}, key -> null);
    assertThrows(
        IllegalStateException.class,
        () -> c.error(new Value("", null), "manifest.x", "manifest.no-such-message"));
  }

  @Test
  @DisplayName("the caller's own rules take their texts from the caller")
  void callerMessage() {
    List<String> messages = new ArrayList<>();
    FieldChecks c =
        new FieldChecks(
            (at, ruleId, severity, message) -> messages.add(message),
            key -> key.equals("own.rule") ? "{0} is {1}" : null);
    c.warning(new Value("/a/b", null), "own.rule", "own.rule", "odd");
    assertEquals(List.of("a.b is odd"), messages);
  }
}
