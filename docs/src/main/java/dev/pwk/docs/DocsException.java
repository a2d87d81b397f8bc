package dev.pwk.docs;

/**
 * Thrown when a README template or a values file cannot be turned into documentation: an unknown
 * template name, an unsupported template action, malformed YAML or a helm-docs feature outside the
 * supported subset.
 */
public final class DocsException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Which input the problem is in. */
  public enum Input {
    /** The README template. */
    TEMPLATE,
    /** The commented values file. */
    VALUES
  }

  private final Input input;
  private final int line;
  private final String problem;

  DocsException(Input input, int line, String problem) {
    super(describe(input, line, problem));
    if (line < -1 || line == 0) {
      throw new IllegalArgumentException("line is 1-based or -1: " + line);
    }
    this.input = input;
    this.line = line;
    this.problem = problem;
  }

  /** The input that holds the problem. */
  public Input input() {
    return input;
  }

  /** The 1-based line of the problem in that input, or -1 when unknown. */
  public int line() {
    return line;
  }

  /** The problem in one sentence, without the location. */
  public String problem() {
    return problem;
  }

  private static String describe(Input input, int line, String problem) {
    String name = input == Input.TEMPLATE ? "template" : "values.yaml";
    return (line > 0 ? name + " line " + line : name) + ": " + problem;
  }
}
