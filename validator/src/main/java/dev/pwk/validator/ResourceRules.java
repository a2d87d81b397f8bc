package dev.pwk.validator;

import dev.pwk.kube.Quantity;
import dev.pwk.values.Severity;
import dev.pwk.values.chart.ChartValue;
import dev.pwk.values.chart.ChartValues;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Container resources: quantity syntax, requests above limits (the API server rejects both) and
 * memory given in millibytes ({@code 512m} is half a byte, not 512 MiB).
 */
final class ResourceRules implements Rule {
  static final String INVALID_QUANTITY = "resources.invalid-quantity";
  static final String REQUEST_ABOVE_LIMIT = "resources.request-above-limit";
  static final String MEMORY_MILLIBYTES = "resources.memory-millibytes";

  private static final List<String> RESOURCES = List.of("cpu", "memory", "ephemeral-storage");

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues.Worker worker = ctx.chart().worker();
    for (ChartValue container : List.of(worker.resources(), worker.initContainer().resources())) {
      for (String resource : RESOURCES) {
        String request = container.child("requests").child(resource).pointer();
        String limit = container.child("limits").child(resource).pointer();
        Optional<BigDecimal> r = quantity(ctx, out, request, resource);
        Optional<BigDecimal> l = quantity(ctx, out, limit, resource);
        if (r.isPresent() && l.isPresent() && r.get().compareTo(l.get()) > 0) {
          out.add(
              REQUEST_ABOVE_LIMIT,
              Severity.ERROR,
              request,
              ctx.at(request),
              ctx.display(request),
              ctx.text(request),
              ctx.display(limit),
              ctx.text(limit));
        }
      }
    }
  }

  private static Optional<BigDecimal> quantity(
      LintContext ctx, Report out, String pointer, String resource) {
    var node = ctx.node(pointer);
    if (!node.isTextual()) {
      return Optional.empty(); // absent, or a type error the schema reports
    }
    String text = node.textValue();
    Optional<BigDecimal> q = Quantity.parseResource(text);
    if (q.isEmpty()) {
      out.add(
          INVALID_QUANTITY,
          Severity.ERROR,
          pointer,
          ctx.at(pointer),
          ctx.display(pointer),
          ctx.show(pointer, node));
      return Optional.empty();
    }
    if (!resource.equals("cpu") && text.endsWith("m")) {
      out.add(
          MEMORY_MILLIBYTES,
          Severity.WARNING,
          pointer,
          ctx.at(pointer),
          ctx.display(pointer),
          text,
          text.substring(0, text.length() - 1) + "Mi");
    }
    return q;
  }
}
