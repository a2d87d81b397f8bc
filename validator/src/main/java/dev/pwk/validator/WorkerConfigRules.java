package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Severity;
import dev.pwk.values.chart.ChartValue;
import dev.pwk.values.chart.ChartValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code worker.config} and the worker's arguments; the base job template has its own rules. */
final class WorkerConfigRules implements Rule {
  static final String LIMIT_NOT_POSITIVE = "config.limit-not-positive";
  static final String DUPLICATE_WORK_QUEUE = "config.duplicate-work-queue";
  static final String ARGS_OVERRIDE = "config.args-override";
  static final String JOB_NAMESPACE_IGNORED = "config.job-namespace-ignored";
  static final String LIVENESS_CONFIG_UNUSED = "liveness.config-unused";

  private static final List<String> PROBE_FIELDS =
      List.of(
          "initialDelaySeconds",
          "periodSeconds",
          "timeoutSeconds",
          "failureThreshold",
          "successThreshold");

  @Override
  public void check(LintContext ctx, Report out) {
    ChartValues.Worker worker = ctx.chart().worker();
    ChartValues.WorkerConfig config = worker.config();
    JsonNode limit = config.limit().node();
    if (limit.isIntegralNumber() && limit.longValue() < 0) {
      // A warning: the chart renders --limit "-1", which the API server accepts; the worker
      // refuses it only when it starts.
      String p = config.limit().pointer();
      out.add(LIMIT_NOT_POSITIVE, Severity.WARNING, p, ctx.at(p), ctx.display(p), limit.asText());
    } else if (limit.isIntegralNumber() && limit.longValue() == 0) {
      // 0 is falsy in the template: the chart leaves --limit out, a valid worker with no limit.
      String p = config.limit().pointer();
      out.addKeyed(
          LIMIT_NOT_POSITIVE,
          LIMIT_NOT_POSITIVE + ".zero",
          Severity.WARNING,
          p,
          ctx.at(p),
          ctx.display(p));
    }
    checkQueues(ctx, out, config.workQueues().pointer());
    checkArgs(ctx, out, worker);
    if (config.observerClusterWide().isTrue() && config.jobNamespace().truthy()) {
      String p = config.jobNamespace().pointer();
      out.add(JOB_NAMESPACE_IGNORED, Severity.INFO, p, ctx.at(p), ctx.display(p));
    }
    String probeConfig = worker.livenessProbe().config().pointer();
    String probeEnabled = worker.livenessProbe().enabled().pointer();
    if (ctx.isFalse(probeEnabled) && setsProbeField(ctx.userTree().at(probeConfig))) {
      out.add(
          LIVENESS_CONFIG_UNUSED,
          Severity.INFO,
          probeConfig,
          ctx.atKey(probeConfig),
          ctx.display(probeConfig),
          ctx.display(probeEnabled));
    }
  }

  private static void checkQueues(LintContext ctx, Report out, String queues) {
    JsonNode list = ctx.node(queues);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode q = list.get(i);
      if (q.isValueNode() && !q.isNull() && !seen.add(q.asText())) {
        String p = Pointers.child(queues, i);
        out.add(
            DUPLICATE_WORK_QUEUE, Severity.WARNING, p, ctx.at(p), ctx.display(queues), q.asText());
      }
    }
  }

  /** Values that only reach the worker through the default argument list, which args replaces. */
  private static void checkArgs(LintContext ctx, Report out, ChartValues.Worker worker) {
    String args = worker.args().pointer();
    if (!ctx.truthy(args)) {
      return;
    }
    List<String> ignored = new ArrayList<>();
    for (ChartValue value : worker.defaultArgumentValues()) {
      String p = value.pointer();
      if (ctx.userWrote(p) && ctx.truthy(p)) {
        ignored.add(ctx.display(p));
      }
    }
    if (!ignored.isEmpty()) {
      out.add(
          ARGS_OVERRIDE,
          Severity.INFO,
          args,
          ctx.atKey(args),
          ctx.display(args),
          String.join(", ", ignored));
    }
  }

  /**
   * True when the user's probe config sets a known probe field (unknown keys are schema findings).
   */
  private static boolean setsProbeField(JsonNode config) {
    for (String field : PROBE_FIELDS) {
      JsonNode n = config.path(field);
      if (!n.isMissingNode() && !n.isNull()) {
        return true;
      }
    }
    return false;
  }
}
