package dev.pwk.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("a release has Helm's name and namespace rules")
class ReleaseTest {

  @ParameterizedTest
  @ValueSource(strings = {"worker", "my.rel-1", "0", "release-name"})
  void acceptsHelmReleaseNames(String name) {
    assertEquals(name, new Release(name, "prefect").name());
    assertEquals(Optional.empty(), Release.nameProblem(name));
  }

  @Test
  @DisplayName("a name may have 53 characters, not 54 (Helm keeps room for suffixes)")
  void nameLength() {
    assertEquals(Optional.empty(), Release.nameProblem("a".repeat(53)));
    assertEquals(true, Release.nameProblem("a".repeat(54)).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "My_Worker", "-a", "a-", "a..b", "UPPER"})
  void rejectsOtherNames(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Release(name, "prefect"));
    assertEquals(
        "invalid release name \""
            + name
            + "\": use at most 53 lower-case letters, digits, '-' or '.', starting and ending"
            + " with a letter or digit",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bad_NS", "a.b", "-ns"})
  void rejectsNamespacesThatAreNotDnsLabels(String namespace) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Release("worker", namespace));
    assertEquals(
        "invalid namespace \""
            + namespace
            + "\": use at most 63 lower-case letters, digits or '-', starting and ending with a"
            + " letter or digit",
        e.getMessage());
  }

  @Test
  void namespaceLength() {
    assertEquals(Optional.empty(), Release.namespaceProblem("n".repeat(63)));
    assertEquals(true, Release.namespaceProblem("n".repeat(64)).isPresent());
  }

  @Test
  @DisplayName("the default is helm template's: release-name in default")
  void defaults() {
    assertEquals(new Release("release-name", "default"), Release.DEFAULT);
  }
}
