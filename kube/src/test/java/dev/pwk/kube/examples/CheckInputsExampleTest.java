package dev.pwk.kube.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The example in docs/guide/library.md runs and prints what the guide says. */
class CheckInputsExampleTest {
  @Test
  @DisplayName("good inputs have no problems")
  void clean() {
    assertEquals(
        List.of(), CheckInputsExample.problems("worker", "prefect", "v3.8.3", "512Mi", "50%"));
  }

  @Test
  @DisplayName("each bad input is one line, with a suggestion where one is close")
  void problems() {
    assertEquals(
        List.of(
            "invalid release name \"My_Worker\": use at most 53 lower-case letters, digits, '-'"
                + " or '.', starting and ending with a letter or digit",
            "label \"-x\" is not a label value (at most 63 letters, digits, '-', '_' or '.',"
                + " starting and ending with a letter or digit)",
            "memory \"512mb\" is not a quantity; did you mean 512Mi?",
            "minAvailable \"150%\" is no percentage from 0% to 100%"),
        CheckInputsExample.problems("My_Worker", "prefect", "-x", "512mb", "150%"));
  }
}
