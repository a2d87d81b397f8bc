package dev.pwk.kube.examples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pwk.kube.IntOrPercent;
import dev.pwk.kube.KubeSyntax;
import dev.pwk.kube.Quantity;
import dev.pwk.kube.Release;
import dev.pwk.kube.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks what a user typed as the API server and Helm would, before anything is rendered. */
public final class CheckInputsExample {
  private CheckInputsExample() {}

  public static void main(String[] args) {
    problems(args[0], args[1], args[2], args[3], args[4]).forEach(System.out::println);
  }

  /** One line per problem with a release, a label value, a memory limit and a disruption budget. */
  static List<String> problems(
      String release, String namespace, String label, String memory, String budget) {
    List<String> problems = new ArrayList<>();
    // Helm's rules: a 53-character DNS subdomain and a DNS label, in Helm's words.
    Release.nameProblem(release).ifPresent(problems::add);
    Release.namespaceProblem(namespace).ifPresent(problems::add);
    if (!KubeSyntax.LABEL_VALUE.accepts(label)) {
      problems.add("label \"" + label + "\" is not " + KubeSyntax.LABEL_VALUE.describe());
    }
    if (Quantity.parse(memory).isEmpty()) {
      String hint =
          Suggestions.closest(memory.replaceAll("[0-9.]", ""), Set.of("Mi", "Gi", "Ki"))
              .map(s -> "; did you mean " + memory.replaceAll("[^0-9.]", "") + s + "?")
              .orElse("");
      problems.add("memory \"" + memory + "\" is not a quantity" + hint);
    }
    if (!IntOrPercent.isBudget(JsonNodeFactory.instance.textNode(budget))) {
      problems.add("minAvailable \"" + budget + "\" is no percentage from 0% to 100%");
    }
    return problems;
  }
}
