package dev.pwk.values;

import java.util.List;

/**
 * Thrown when the user's values cannot be read or parsed; carries every problem found, as error
 * {@link Finding}s with rule ids in the {@code input.} family (such as {@code input.yaml-syntax}).
 */
public final class ValuesException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> problems;

  public ValuesException(List<Finding> problems) {
    super(problems.isEmpty() ? "invalid values input" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public ValuesException(Finding problem) {
    this(List.of(problem));
  }

  /** The problems, at least one, in the order they were found. */
  public List<Finding> problems() {
    return problems;
  }
}
