package dev.pwk.docs;

import java.util.List;
import java.util.function.Function;

/**
 * The fields of helm-docs' template data (the chart's metadata, the Values rows and helm-docs' own
 * settings) that a template may test with {@code {{ if .Field }}} and, when they are text or a
 * boolean, print with {@code {{ .Field }}}. Truth is Go's: a non-empty string or list, or {@code
 * true}.
 */
enum ChartField {
  API_VERSION("ApiVersion", d -> d.chart().apiVersion()),
  NAME("Name", d -> d.chart().name()),
  VERSION("Version", d -> d.chart().version()),
  APP_VERSION("AppVersion", d -> d.chart().appVersion()),
  KUBE_VERSION("KubeVersion", d -> d.chart().kubeVersion()),
  DESCRIPTION("Description", d -> d.chart().description()),
  TYPE("Type", d -> d.chart().type()),
  HOME("Home", d -> d.chart().home()),
  DEPRECATED("Deprecated", d -> d.chart().deprecated()),
  SOURCES("Sources", d -> d.chart().sources()),
  MAINTAINERS("Maintainers", d -> d.chart().maintainers()),
  DEPENDENCIES("Dependencies", d -> d.chart().dependencies()),
  VALUES("Values", HelmDocsTemplates.Data::values),
  HELM_DOCS_VERSION("HelmDocsVersion", d -> HelmDocsTemplates.HELM_DOCS_VERSION),
  /** pwk writes the footer wherever the template calls it: helm-docs' default. */
  SKIP_VERSION_FOOTER("SkipVersionFooter", d -> false);

  private final String goName;
  private final Function<HelmDocsTemplates.Data, Object> value;

  ChartField(String goName, Function<HelmDocsTemplates.Data, Object> value) {
    this.goName = goName;
    this.value = value;
  }

  /** The field of that Go name, or null. */
  static ChartField named(String goName) {
    for (ChartField f : values()) {
      if (f.goName.equals(goName)) {
        return f;
      }
    }
    return null;
  }

  /** Whether {@code {{ .Field }}} prints it; lists would print in Go's struct syntax. */
  boolean printable() {
    return !(this == SOURCES || this == MAINTAINERS || this == DEPENDENCIES || this == VALUES);
  }

  boolean truth(HelmDocsTemplates.Data data) {
    Object v = value.apply(data);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    return !((List<?>) v).isEmpty();
  }

  String text(HelmDocsTemplates.Data data) {
    return String.valueOf(value.apply(data));
  }
}
