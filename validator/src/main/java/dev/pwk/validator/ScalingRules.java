package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.IntOrPercent;
import dev.pwk.values.Severity;
import java.util.Iterator;
import java.util.List;

/** Replicas, the HorizontalPodAutoscaler and the PodDisruptionBudget. */
final class ScalingRules implements Rule {
  static final String MIN_ABOVE_MAX = "autoscaling.min-above-max";
  static final String MIN_BELOW_ONE = "autoscaling.min-below-one";
  static final String REPLICA_COUNT_IGNORED = "autoscaling.replica-count-ignored";
  static final String NO_METRICS = "autoscaling.no-metrics";
  static final String PDB_MIN_AND_MAX = "pdb.min-and-max";
  static final String PDB_INVALID_VALUE = "pdb.invalid-value";
  static final String PDB_BLOCKS_EVICTION = "pdb.blocks-eviction";
  static final String PDB_UNKNOWN_KEY = "pdb.unknown-key";

  private static final String HPA = "/worker/autoscaling";
  private static final String PDB = "/worker/podDisruptionBudget";
  private static final List<String> PDB_KEYS =
      List.of("minAvailable", "maxUnavailable", "unhealthyPodEvictionPolicy");

  @Override
  public void check(LintContext ctx, Report out) {
    boolean hpa = ctx.isTrue(HPA + "/enabled");
    if (hpa) {
      checkAutoscaling(ctx, out);
    }
    if (ctx.truthy(PDB) && ctx.node(PDB).isObject()) {
      JsonNode replicas = ctx.node(hpa ? HPA + "/minReplicas" : "/worker/replicaCount");
      checkPdb(ctx, out, replicas.isIntegralNumber() ? replicas.intValue() : 1);
    }
  }

  private static void checkAutoscaling(LintContext ctx, Report out) {
    String min = HPA + "/minReplicas";
    String max = HPA + "/maxReplicas";
    JsonNode minNode = ctx.node(min);
    JsonNode maxNode = ctx.node(max);
    if (minNode.isIntegralNumber() && minNode.bigIntegerValue().signum() < 1) {
      out.add(MIN_BELOW_ONE, Severity.ERROR, min, ctx.at(min), ctx.display(min), minNode.asText());
    } else if (minNode.isIntegralNumber()
        && maxNode.isIntegralNumber()
        && minNode.bigIntegerValue().compareTo(maxNode.bigIntegerValue()) > 0) {
      out.add(
          MIN_ABOVE_MAX,
          Severity.ERROR,
          min,
          ctx.at(min),
          ctx.display(min),
          minNode.asText(),
          ctx.display(max),
          maxNode.asText());
    }
    if (ctx.userWrote("/worker/replicaCount")) {
      out.add(
          REPLICA_COUNT_IGNORED,
          Severity.INFO,
          "/worker/replicaCount",
          ctx.at("/worker/replicaCount"),
          ctx.display("/worker/replicaCount"));
    }
    if (!ctx.truthy(HPA + "/targetCPUUtilizationPercentage")
        && !ctx.truthy(HPA + "/targetMemoryUtilizationPercentage")) {
      out.add(NO_METRICS, Severity.INFO, HPA, ctx.atKey(HPA + "/enabled"), ctx.display(HPA));
    }
  }

  private static void checkPdb(LintContext ctx, Report out, int replicas) {
    for (Iterator<String> it = ctx.node(PDB).fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!PDB_KEYS.contains(key)) {
        String p = Pointers.child(PDB, key);
        out.add(PDB_UNKNOWN_KEY, Severity.WARNING, p, ctx.atKey(p), ctx.display(PDB), key);
      }
    }
    String min = PDB + "/minAvailable";
    String max = PDB + "/maxUnavailable";
    boolean hasMin = ctx.isSet(min);
    boolean hasMax = ctx.isSet(max);
    if (hasMin && hasMax) {
      out.add(PDB_MIN_AND_MAX, Severity.ERROR, max, ctx.atKey(max), ctx.display(PDB));
    }
    boolean minOk = !hasMin || intOrPercent(ctx, out, min);
    boolean maxOk = !hasMax || intOrPercent(ctx, out, max);
    if (hasMin && minOk && !hasMax) {
      JsonNode n = ctx.node(min);
      boolean blocks =
          n.isIntegralNumber() ? n.intValue() >= replicas : percent(n.textValue()) >= 100;
      if (blocks) {
        out.addKeyed(
            PDB_BLOCKS_EVICTION,
            PDB_BLOCKS_EVICTION + ".min",
            Severity.WARNING,
            min,
            ctx.at(min),
            ctx.display(min),
            n.asText(),
            replicas);
      }
    } else if (hasMax && maxOk && !hasMin) {
      JsonNode n = ctx.node(max);
      boolean blocks = n.isIntegralNumber() ? n.intValue() == 0 : percent(n.textValue()) == 0;
      if (blocks) {
        out.addKeyed(
            PDB_BLOCKS_EVICTION,
            PDB_BLOCKS_EVICTION + ".max",
            Severity.WARNING,
            max,
            ctx.at(max),
            ctx.display(max),
            n.asText());
      }
    }
  }

  /** A budget the API server accepts ({@link IntOrPercent}); reports anything else. */
  private static boolean intOrPercent(LintContext ctx, Report out, String p) {
    JsonNode n = ctx.node(p);
    boolean ok = IntOrPercent.isBudget(n);
    if (!ok) {
      out.add(PDB_INVALID_VALUE, Severity.ERROR, p, ctx.at(p), ctx.display(p), ctx.show(p, n));
    }
    return ok;
  }

  private static int percent(String s) {
    return IntOrPercent.percent(s).orElseThrow();
  }
}
