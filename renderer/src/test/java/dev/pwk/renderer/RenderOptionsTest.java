package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("RenderOptions")
class RenderOptionsTest {

  @Test
  @DisplayName("defaults are helm template's: release-name in default, offline cluster UID")
  void defaults() {
    RenderOptions o = RenderOptions.defaults();
    assertEquals("release-name", o.releaseName());
    assertEquals("default", o.namespace());
    assertEquals("", o.clusterUid());
    assertEquals(KubeCapabilities.DEFAULT, o.capabilities());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "Upper",
        "under_score",
        "-lead",
        "trail-",
        "a..b",
        "release-name-longer-than-the-fifty-three-helm-allows-x"
      })
  void rejectsInvalidReleaseNames(String name) {
    assertThrows(
        IllegalArgumentException.class, () -> RenderOptions.builder().releaseName(name).build());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"a", "my.rel", "prefect-worker-2", "x1.y2-z3"})
  void acceptsValidReleaseNames(String name) {
    assertEquals(name, RenderOptions.builder().releaseName(name).build().releaseName());
  }
}
