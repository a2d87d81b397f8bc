package dev.pwk.renderer;

import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Origin;
import dev.pwk.values.SecretValues;
import dev.pwk.values.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects render findings, each located at the origin of the value it is about. */
final class Problems {
  private final LoadedValues values;
  private final List<Finding> findings = new ArrayList<>();

  Problems(LoadedValues values) {
    this.values = values;
  }

  /** Records a problem with the value at {@code pointer}. */
  void add(String pointer, String ruleId, String message) {
    findings.add(finding(pointer, false, ruleId, message));
  }

  /** Records a problem with the key (not the value) at {@code pointer}. */
  void addForKey(String pointer, String ruleId, String message) {
    findings.add(finding(pointer, true, ruleId, message));
  }

  /** A finding located at the value (or key) at {@code pointer}. */
  Finding finding(String pointer, boolean key, String ruleId, String message) {
    Optional<Origin> origin = key ? values.keyOrigin(pointer) : values.origin(pointer);
    Origin o = origin.or(() -> values.nearestUserOrigin(pointer)).orElse(null);
    if (o == null) {
      // Nothing the user wrote is near: point at no file rather than the chart's own values.yaml.
      return new Finding("", -1, -1, pointer, ruleId, Severity.ERROR, message);
    }
    if (o.isFlag()) {
      return new Finding(
          SecretValues.describe(o),
          -1,
          o.column(),
          pointer,
          ruleId,
          Severity.ERROR,
          message,
          Finding.Kind.FLAG);
    }
    return new Finding(o.source(), o.line(), o.column(), pointer, ruleId, Severity.ERROR, message);
  }

  boolean isEmpty() {
    return findings.isEmpty();
  }

  List<Finding> list() {
    return List.copyOf(findings);
  }
}
