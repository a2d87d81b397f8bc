package dev.pwk.renderer;

import dev.pwk.values.Finding;
import java.util.List;

/**
 * Thrown when values cannot be rendered: a value the chart requires is missing ({@code
 * chart.required}), a template expression is outside the supported subset ({@code tpl.unsupported})
 * or names a value that does not exist ({@code tpl.unknown-value}), or a free-form value does not
 * fit the Kubernetes field it fills ({@code render.type}). Every finding points at the origin of
 * the value at fault.
 *
 * <p>For a {@code chart.required} failure the message is Helm's exact error text without its {@code
 * Error: } prefix, such as {@code execution error at
 * (prefect-worker/templates/deployment.yaml:199:17): A Work Pool Name is required
 * (worker.config.workPool)}, so a command line can print what Helm prints; otherwise it summarises
 * the findings.
 */
public final class RenderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  RenderException(String message, List<Finding> findings) {
    super(message);
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a render failure needs at least one finding");
    }
    this.findings = List.copyOf(findings);
  }

  /**
   * The problems, at least one. A {@code required} failure stops the render at the first one, as
   * Helm does; template and type problems are all collected.
   */
  public List<Finding> findings() {
    return findings;
  }
}
