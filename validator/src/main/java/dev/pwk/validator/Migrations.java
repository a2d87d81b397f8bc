package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Location;
import dev.pwk.values.MigrationRule;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueRenames;
import dev.pwk.values.ValueRenames.Migration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Migration hints for keys and values of past chart releases, from the chart's own history ({@link
 * ValueRenames}). A hint replaces the plain unknown-key, enum or type finding for them.
 */
final class Migrations {
  static final String RENAMED = "values.renamed";
  static final String MSG_CHAIN = "values.renamed.chain";
  static final String MSG_VALUE = "values.renamed.value";
  static final String MSG_VALUE_CHAIN = "values.renamed.value-chain";
  static final String MSG_VALUE_NULL = "values.renamed.value-null";
  static final String MSG_REMOVED = "values.renamed.removed";
  static final String MSG_REMOVED_NOTE = "values.renamed.removed-note";
  static final String MSG_TEXT = "values.renamed.text";

  /** A value rule's new value is YAML: this one is null, not the string 'null'. */
  private static final String NULL = "null";

  private Migrations() {}

  static Optional<Migration> forKey(String pointer) {
    return ValueRenames.bundled().forKey(pointer);
  }

  static Optional<Migration> forValue(String pointer, JsonNode value) {
    return value.isTextual()
        ? ValueRenames.bundled().forValue(pointer, value.textValue())
        : Optional.empty();
  }

  static Optional<Migration> forText(String pointer, JsonNode value) {
    return value.isTextual() ? ValueRenames.bundled().forText(pointer) : Optional.empty();
  }

  /**
   * Reports the hint for a renamed key, then the removed keys the user wrote below it, which the
   * schema does not visit once the key itself fails.
   */
  static void reportKey(LintContext ctx, Report out, String pointer, Migration m) {
    report(ctx, out, pointer, m, keyMessage(m), ctx.atKey(pointer));
    if (!m.removed()) {
      reportRemovedBelow(ctx, out, pointer, ctx.userTree().at(pointer));
    }
  }

  private static void reportRemovedBelow(LintContext ctx, Report out, String pointer, JsonNode n) {
    if (!n.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String child = Pointers.child(pointer, e.getKey());
      Optional<Migration> m = forKey(child).filter(Migration::removed);
      if (m.isPresent()) {
        report(ctx, out, child, m.get(), keyMessage(m.get()), ctx.atKey(child));
      } else {
        reportRemovedBelow(ctx, out, child, e.getValue());
      }
    }
  }

  /** Reports the hint for a renamed enum value, or for a value a release replaced by null. */
  static void reportValue(LintContext ctx, Report out, String pointer, Migration m) {
    String key;
    if (m.current().equals(NULL)) {
      key = MSG_VALUE_NULL;
    } else {
      key = m.steps().size() > 1 ? MSG_VALUE_CHAIN : MSG_VALUE;
    }
    report(ctx, out, pointer, m, key, ctx.at(pointer));
  }

  /** Reports the hint for a string at a key that now takes a map. */
  static void reportText(LintContext ctx, Report out, String pointer, Migration m) {
    report(ctx, out, pointer, m, MSG_TEXT, ctx.at(pointer));
  }

  private static String keyMessage(Migration m) {
    if (m.removed()) {
      return m.note().isEmpty() ? MSG_REMOVED : MSG_REMOVED_NOTE;
    }
    return m.steps().size() > 1 ? MSG_CHAIN : RENAMED;
  }

  private static void report(
      LintContext ctx, Report out, String pointer, Migration m, String messageKey, Location at) {
    boolean path = m.current().startsWith("/");
    out.addKeyed(
        RENAMED,
        messageKey,
        Severity.ERROR,
        pointer,
        at,
        ctx.display(pointer),
        path ? Pointers.display(m.current(), ctx.tree()) : m.current(),
        release(m.steps().get(0)),
        ctx.show(pointer, ctx.node(pointer)),
        m.steps().stream().skip(1).map(Migrations::release).collect(Collectors.joining(", ")),
        m.note());
  }

  /** {@code 2025.11.18162334}, with the pull request when known: {@code (prefect-helm#563)}. */
  private static String release(MigrationRule r) {
    return r.pr().isEmpty() ? r.release() : r.release() + " (prefect-helm#" + r.pr() + ")";
  }
}
