package dev.pwk.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one "did you mean" of pwk. */
@DisplayName("did-you-mean suggestions")
class SuggestionsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "replicas, replicaCount",
    "tag, prefectTag",
    "workpool, workPool",
    "prefetchSecond, prefetchSeconds",
    "targetCPU, targetCPUUtilizationPercentage",
    "labels, podLabels",
    "env, extraEnvVars",
    "Cloud, cloud",
  })
  void suggests(String input, String expected) {
    List<String> known =
        List.of(
            "replicaCount",
            "prefectTag",
            "workPool",
            "prefetchSeconds",
            "targetCPUUtilizationPercentage",
            "podLabels",
            "extraEnvVars",
            "extraEnvVarsCMs",
            "cloud",
            "customerManagedCloud");
    assertEquals(Optional.of(expected), Suggestions.closest(input, known));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hostNetwork", "rules", "nvidia.com/gpu", "xy"})
  void staysQuietWhenNothingIsClose(String input) {
    assertEquals(
        Optional.empty(),
        Suggestions.closest(input, List.of("create", "namespace", "extraPermissions", "cpu")));
  }

  @Test
  void levenshtein() {
    assertEquals(3, Suggestions.levenshtein("kitten", "sitting"));
    assertEquals(0, Suggestions.levenshtein("", ""));
    assertEquals(4, Suggestions.levenshtein("", "abcd"));
  }
}
