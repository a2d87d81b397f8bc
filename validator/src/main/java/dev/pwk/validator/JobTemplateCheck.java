package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.Suggestions;
import dev.pwk.values.Location;
import dev.pwk.values.Severity;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of one base job template (a JSON object with {@code variables} and {@code
 * job_configuration}), wherever it was written; {@link TemplateSite} says where that was.
 *
 * <p>What Prefect does with the template, and so what is checked: its API refuses a template unless
 * both sections are non-empty objects and every placeholder in {@code job_configuration} names a
 * property of {@code variables} ({@code validate_base_job_template}); a worker fills the
 * placeholders from the variables' defaults and the deployment's values ({@link Templating}); the
 * Kubernetes worker then validates and prepares {@code job_manifest} and creates the Job ({@link
 * JobManifestCheck}).
 */
final class JobTemplateCheck {
  static final String MISSING_SECTION = "base-job-template.missing-section";
  static final String MSG_MISSING_SECTION_TYPE = "base-job-template.missing-section.type";
  static final String EMPTY_SECTION = "base-job-template.empty-section";
  static final String UNDECLARED_VARIABLE = "base-job-template.undeclared-variable";
  static final String MSG_UNDECLARED_SUGGEST = "base-job-template.undeclared-variable.suggest";
  static final String MSG_UNDECLARED_FLAT =
      "base-job-template.undeclared-variable.not-in-properties";
  static final String MSG_UNDECLARED_SPECIAL = "base-job-template.undeclared-variable.special";
  static final String UNUSED_VARIABLE = "base-job-template.unused-variable";

  private static final int MAX_SHOWN = 60;
  private static final String VARIABLES = "variables";
  private static final String JOB_CONFIGURATION = "job_configuration";

  private JobTemplateCheck() {}

  /**
   * Checks a template that is a JSON object; an empty object is left alone, as Prefect's API does.
   *
   * @param apiRejects the severity of a missing or empty section and an undeclared variable, which
   *     Prefect's API rejects, and of a Job pod the API server would reject ({@code
   *     base-job-template.pod.*}): an error for a template file, a warning for one in the values,
   *     which the chart renders and the API server accepts
   */
  static void check(JsonNode template, TemplateSite site, Report out, Severity apiRejects) {
    if (template.isEmpty()) {
      return;
    }
    boolean variablesOk = section(template, VARIABLES, site, out, apiRejects);
    boolean configurationOk = section(template, JOB_CONFIGURATION, site, out, apiRejects);
    if (variablesOk && !template.get(VARIABLES).isEmpty()) {
      VariablesSchemaCheck.check(template, site, out);
    }
    TemplateVariables variables =
        TemplateVariables.of(variablesOk ? template.get(VARIABLES) : null);
    if (!configurationOk) {
      return;
    }
    Set<String> used = new HashSet<>();
    placeholders(
        template,
        template.get(JOB_CONFIGURATION),
        "/" + JOB_CONFIGURATION,
        variables,
        used,
        site,
        out,
        apiRejects);
    if (variablesOk) {
      for (String name : variables.names()) {
        if (!used.contains(name)) {
          String pointer = TemplateVariables.pointer(name);
          out.add(
              UNUSED_VARIABLE,
              Severity.WARNING,
              site.path(pointer),
              site.atKey(pointer),
              name,
              Pointers.display(pointer, template));
        }
      }
    }
    Templating.Applied applied =
        Templating.apply(
            template.get(JOB_CONFIGURATION), "/" + JOB_CONFIGURATION, variables::value);
    JobManifestCheck.check(applied, site, out, apiRejects);
  }

  /** Reports a missing, non-object or empty section; true when it is an object. */
  private static boolean section(
      JsonNode template, String name, TemplateSite site, Report out, Severity apiRejects) {
    JsonNode section = template.get(name);
    String pointer = "/" + name;
    if (section == null) {
      out.add(MISSING_SECTION, apiRejects, site.path(""), site.at(""), name);
      return false;
    }
    if (!section.isObject()) {
      out.addKeyed(
          MISSING_SECTION,
          MSG_MISSING_SECTION_TYPE,
          apiRejects,
          site.path(pointer),
          site.at(pointer),
          name,
          LintContext.typeName(section));
      return false;
    }
    if (section.isEmpty()) {
      out.add(EMPTY_SECTION, apiRejects, site.path(pointer), site.at(pointer), name);
    }
    return true;
  }

  /**
   * Reports every placeholder that names no variable, and collects the names used. Prefect's API
   * compares every placeholder name with the variables, block and variable references included.
   */
  private static void placeholders(
      JsonNode template,
      JsonNode node,
      String pointer,
      TemplateVariables variables,
      Set<String> used,
      TemplateSite site,
      Report out,
      Severity apiRejects) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        placeholders(
            template,
            e.getValue(),
            Pointers.child(pointer, e.getKey()),
            variables,
            used,
            site,
            out,
            apiRejects);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        placeholders(
            template,
            node.get(i),
            Pointers.child(pointer, i),
            variables,
            used,
            site,
            out,
            apiRejects);
      }
    } else if (node.isTextual()) {
      for (Templating.Placeholder p : Templating.find(node.textValue())) {
        used.add(p.name());
        if (!variables.declares(p.name())) {
          undeclared(template, pointer, p, variables, site, out, apiRejects);
        }
      }
    }
  }

  private static void undeclared(
      JsonNode template,
      String pointer,
      Templating.Placeholder p,
      TemplateVariables variables,
      TemplateSite site,
      Report out,
      Severity apiRejects) {
    String display = Pointers.display(pointer, template);
    Location at = site.inString(pointer, p.start());
    String messageKey;
    String hint = "";
    if (p.kind() != Templating.Kind.STANDARD) {
      messageKey = MSG_UNDECLARED_SPECIAL;
    } else if (template.path(VARIABLES).has(p.name())) {
      messageKey = MSG_UNDECLARED_FLAT;
    } else {
      Optional<String> suggestion = Suggestions.closest(p.name(), variables.names());
      messageKey = suggestion.isPresent() ? MSG_UNDECLARED_SUGGEST : UNDECLARED_VARIABLE;
      hint = suggestion.orElse("");
    }
    out.addKeyed(
        UNDECLARED_VARIABLE,
        messageKey,
        apiRejects,
        site.path(pointer),
        at,
        display,
        p.fullMatch(),
        p.name(),
        hint);
  }

  /** A value as shown in messages: quoted strings, plain scalars, "a map" or "a list". */
  static String show(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isTextual()) {
      String s = n.textValue();
      if (s.length() > MAX_SHOWN) {
        s = s.substring(0, MAX_SHOWN) + "…";
      }
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    if (n.isContainerNode()) {
      return n.isObject() ? "a map" : "a list";
    }
    return n.asText();
  }
}
