package dev.pwk.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.docs.DocsException.Input;
import dev.pwk.values.ChartInfo;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Problems in a template or values file are reported with the input and its line. */
class DocsErrorsTest {
  private static final ChartInfo CHART =
      new ChartInfo(
          "v2", "demo", "1.0.0", "1.0", "", "application", "", List.of(), List.of(), List.of());

  private static DocsException renderFails(String template, String values) {
    return assertThrows(
        DocsException.class, () -> DocsGenerator.create().render(template, values, CHART));
  }

  @Nested
  @DisplayName("in a template")
  class InTemplate {
    @Test
    @DisplayName("an unknown template name is named with its line")
    void unknownTemplate() {
      DocsException e =
          renderFails("# Title\n\nSome text.\n{{ template \"chart.nope\" . }}\n", "a: 1\n");
      assertEquals(Input.TEMPLATE, e.input());
      assertEquals(4, e.line());
      assertEquals("unknown template \"chart.nope\"", e.problem());
      assertEquals("template line 4: unknown template \"chart.nope\"", e.getMessage());
    }

    @Test
    @DisplayName("an unknown name is found even after a trim marker and on a later line")
    void unknownTemplateTrimmed() {
      DocsException e =
          renderFails("{{ template \"chart.name\" . }}\n\n{{- template \"x\" . -}}", "");
      assertEquals(3, e.line());
      assertEquals("unknown template \"x\"", e.problem());
    }

    @Test
    @DisplayName("any other action is unsupported")
    void unsupportedActions() {
      for (String action :
          List.of("{{ .Values.foo }}", "{{ template \"chart.name\" }}", "{{ if . }}x{{ end }}")) {
        DocsException e = renderFails("line one\n" + action + "\n", "");
        assertEquals(2, e.line(), action);
        assertTrue(e.problem().startsWith("unsupported action {{"), e.problem());
      }
    }

    @Test
    @DisplayName("if on an unknown field, and printing a list field, are unsupported")
    void unsupportedFields() {
      for (String action :
          List.of("{{ if .Nope }}x{{ end }}", "{{ .Maintainers }}", "{{ .nope }}")) {
        DocsException e = renderFails("line one\n" + action + "\n", "");
        assertEquals(2, e.line(), action);
        assertTrue(e.problem().startsWith("unsupported action {{"), e.problem());
      }
    }

    @Test
    @DisplayName("blocks must be closed and closed once")
    void blocks() {
      DocsException e = renderFails("a\n{{ if .Home }}\nb\n", "");
      assertEquals(2, e.line());
      assertEquals("{{ if }} has no {{ end }}", e.problem());
      assertEquals(
          "{{ define \"x\" }} has no {{ end }}", renderFails("{{ define \"x\" }}", "").problem());
      assertEquals(
          "{{ end }} without {{ if }} or {{ define }}", renderFails("a {{ end }}", "").problem());
      assertEquals("{{ else }} outside {{ if }}", renderFails("{{ else }}", "").problem());
      assertEquals(
          "a second {{ else }} in one {{ if }}",
          renderFails("{{ if .Home }}{{ else }}{{ else }}{{ end }}", "").problem());
      assertEquals(
          "{{ define }} inside another block",
          renderFails("{{ if .Home }}{{ define \"x\" }}{{ end }}{{ end }}", "").problem());
    }

    @Test
    @DisplayName("a template defined twice")
    void definedTwice() {
      DocsException e =
          renderFails("{{ define \"x\" }}a{{ end }}\n{{ define \"x\" }}b{{ end }}", "");
      assertEquals(2, e.line());
      assertEquals("template \"x\" is defined twice", e.problem());
    }

    @Test
    @DisplayName("chart.valueDefaultColumnRender can be neither called nor redefined")
    void rowTemplate() {
      assertEquals(
          "\"chart.valueDefaultColumnRender\" renders one row of chart.valuesTableHtml;"
              + " a template cannot call it",
          renderFails("{{ template \"chart.valueDefaultColumnRender\" . }}", "").problem());
      assertEquals(
          "redefining \"chart.valueDefaultColumnRender\" is not supported",
          renderFails("{{ define \"chart.valueDefaultColumnRender\" }}x{{ end }}", "").problem());
    }

    @Test
    @DisplayName("templates that call each other without end")
    void endlessCalls() {
      DocsException e =
          renderFails(
              "{{ define \"a\" }}{{ template \"b\" . }}{{ end }}"
                  + "{{ define \"b\" }}{{ template \"a\" . }}{{ end }}\n\n{{ template \"a\" . }}",
              "");
      assertEquals(Input.TEMPLATE, e.input());
      assertTrue(e.problem().contains("calls itself without end"), e.problem());
    }

    @Test
    @DisplayName("unclosed actions and comments are errors")
    void unclosed() {
      assertEquals(
          "unclosed action", renderFails("a\n\n{{ template \"chart.name\" .", "").problem());
      assertEquals("unclosed comment", renderFails("{{/* no end", "").problem());
      assertEquals(
          "comment ends before closing delimiter", renderFails("{{/* c */ }}", "").problem());
    }
  }

  @Nested
  @DisplayName("in a values file")
  class InValues {
    @Test
    @DisplayName("a duplicate key")
    void duplicateKey() {
      DocsException e = renderFails("x\n", "a: 1\nb:\n  c: 1\n  c: 2\n");
      assertEquals(Input.VALUES, e.input());
      assertEquals(4, e.line());
      assertEquals("duplicate key \"c\"", e.problem());
    }

    @Test
    @DisplayName("an alias")
    void alias() {
      DocsException e = renderFails("x\n", "a: &x 1\nb: *x\n");
      assertEquals(2, e.line());
      assertEquals("YAML aliases are not supported", e.problem());
    }

    @Test
    @DisplayName("a file that is not a map")
    void notAMap() {
      DocsException e = renderFails("x\n", "- a\n- b\n");
      assertEquals(1, e.line());
      assertEquals("the values file must hold a map", e.problem());
    }

    @Test
    @DisplayName("malformed YAML")
    void malformed() {
      DocsException e = renderFails("x\n", "a: 1\nb: [1, 2\nc: 3\n");
      assertEquals(Input.VALUES, e.input());
      assertTrue(e.line() > 1, "line " + e.line());
      assertTrue(e.problem().startsWith("malformed YAML: "), e.problem());
    }

    @Test
    @DisplayName("an integer beyond 64 bits")
    void bigInteger() {
      DocsException e = renderFails("x\n", "a: 1\nb: 99999999999999999999\n");
      assertEquals(2, e.line());
    }

    @Test
    @DisplayName("helm-docs @section and @notationType comments, which are outside the subset")
    void unsupportedAnnotations() {
      DocsException e = renderFails("x\n", "a: 1\n# -- b\n# @section -- Main\nb: 2\n");
      assertEquals(3, e.line());
      assertEquals("helm-docs @notationType and @section comments are not supported", e.problem());
      assertEquals(3, renderFails("x\n", "a: 1\n# -- b\n# @notationType -- tpl\nb: 2\n").line());
    }
  }
}
