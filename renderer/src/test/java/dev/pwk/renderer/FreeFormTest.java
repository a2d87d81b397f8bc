package dev.pwk.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Free-form values become fabric8 objects; misfits are findings")
class FreeFormTest {

  @Test
  @DisplayName("unknown fields pass through to the output")
  void unknownFieldsPassThrough() {
    Rendered r =
        Rendered.of(
            TestValues.render(
                TestValues.required(
                    "worker:\n  containerSecurityContext:\n    futureField: {a: 1}\n"
                        + "  extraVolumes: [{name: v, newSource: {x: z}}]\n")));
    assertEquals(
        Map.of("a", 1), r.c0().getSecurityContext().getAdditionalProperties().get("futureField"));
    String yaml = r.rendering().toYaml();
    assertTrue(yaml.contains("futureField:\n              a: 1\n"), yaml);
    assertTrue(yaml.contains("newSource:\n            x: z\n"), yaml);
  }

  @Test
  @DisplayName("a value of the wrong shape is reported at its own path, without its content")
  void wrongShape() {
    LoadedValues values =
        TestValues.required(
            "worker:\n  extraVolumes:\n    - name: v\n      emptyDir: secret-text\n"
                + "  podLabels: {nested: {a: b}}\n");
    RenderException e =
        assertThrows(
            RenderException.class,
            () -> Renderer.create().render(values, TestValues.options().build()));
    List<Finding> findings = e.findings();
    assertEquals(2, findings.size(), findings::toString);
    Finding labels = findings.get(0);
    assertEquals("/worker/podLabels/nested", labels.path());
    assertEquals("render.type", labels.ruleId());
    Finding volume = findings.get(1);
    assertEquals("/worker/extraVolumes/0", volume.path());
    assertTrue(volume.message().contains("emptyDir"), volume.message());
    assertFalse(volume.message().contains("secret-text"), volume.message());
    assertTrue(e.getMessage().startsWith("Rendering failed with 2 problem(s)"), e.getMessage());
  }
}
