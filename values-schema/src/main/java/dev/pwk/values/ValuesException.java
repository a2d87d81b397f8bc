package dev.pwk.values;

import java.util.List;

/** Thrown when the user's values cannot be read or parsed; carries every problem found. */
public final class ValuesException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<InputProblem> problems;

  public ValuesException(List<InputProblem> problems) {
    super(problems.isEmpty() ? "invalid values input" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public ValuesException(InputProblem problem) {
    this(List.of(problem));
  }

  /** The problems, at least one, in the order they were found. */
  public List<InputProblem> problems() {
    return problems;
  }
}
