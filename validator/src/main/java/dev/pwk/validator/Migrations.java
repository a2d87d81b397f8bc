package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.ChartHistory;
import dev.pwk.values.MigrationRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keys and values renamed or removed in past chart releases, from the chart history's rule table
 * ({@link ChartHistory#rules()}, the one list of them): a hint replaces the plain unknown-key or
 * enum finding.
 */
final class Migrations {
  static final String RENAMED = "values.renamed";
  static final String MSG_RENAMED_VALUE = "values.renamed.value";
  static final String MSG_REMOVED = "values.renamed.removed";

  /**
   * A migration hint: the message key, the current dotted path or value (for a removal, what to
   * do instead) and the release that made the change.
   */
  record Hint(String messageKey, String replacement, String release) {}

  private static final Map<String, Hint> KEYS = new TreeMap<>();
  private static final Map<String, Hint> VALUES = new HashMap<>();

  static {
    List<MigrationRule> rules = ChartHistory.load().rules();
    for (int i = 0; i < rules.size(); i++) {
      MigrationRule rule = rules.get(i);
      if (rule.change() == MigrationRule.Change.VALUE) {
        VALUES.put(
            pointer(rule.keyPath()) + "=" + rule.oldValue(),
            new Hint(MSG_RENAMED_VALUE, finalValue(rules, i), rule.release()));
      } else if (rule.change() != MigrationRule.Change.WRAP) {
        register(rules, i, rule.keyPath(), rule);
      }
    }
  }

  private Migrations() {}

  /**
   * Registers the hint for the path a rule names and for the forms later renames of its parents
   * give it (a removed {@code serverApiConfig.uiUrl} is also removed as {@code
   * selfHostedServerApiConfig.uiUrl}).
   */
  private static void register(
      List<MigrationRule> rules, int index, String path, MigrationRule rule) {
    Hint hint =
        rule.change() == MigrationRule.Change.REMOVE
            ? new Hint(MSG_REMOVED, rule.note(), rule.release())
            : new Hint(RENAMED, follow(rules, index + 1, rule.argument()), rule.release());
    KEYS.putIfAbsent(pointer(path), hint);
    String current = path;
    for (int j = index + 1; j < rules.size(); j++) {
      MigrationRule later = rules.get(j);
      if (later.change() == MigrationRule.Change.RENAME
          && current.startsWith(later.keyPath() + ".")) {
        current = later.argument() + current.substring(later.keyPath().length());
        KEYS.putIfAbsent(pointer(current), hint);
      }
    }
  }

  /** Where a path ends up after the renames from rule {@code from} on. */
  private static String follow(List<MigrationRule> rules, int from, String path) {
    String current = path;
    for (int j = from; j < rules.size(); j++) {
      MigrationRule r = rules.get(j);
      if (r.change() == MigrationRule.Change.RENAME
          && (current.equals(r.keyPath()) || current.startsWith(r.keyPath() + "."))) {
        current = r.argument() + current.substring(r.keyPath().length());
      }
    }
    return current;
  }

  /** The value a value rule's old value ends up as after the later value rules of its key. */
  private static String finalValue(List<MigrationRule> rules, int index) {
    MigrationRule rule = rules.get(index);
    String value = rule.argument();
    for (int j = index + 1; j < rules.size(); j++) {
      MigrationRule r = rules.get(j);
      if (r.change() == MigrationRule.Change.VALUE
          && r.keyPath().equals(rule.keyPath())
          && r.oldValue().equals(value)) {
        value = r.argument();
      }
    }
    return value;
  }

  private static String pointer(String dotted) {
    return "/" + dotted.replace('.', '/');
  }

  static Optional<Hint> forKey(String pointer) {
    return Optional.ofNullable(KEYS.get(pointer));
  }

  /** Hints for keys below {@code pointer}, which the schema does not visit once it fails. */
  static Map<String, Hint> below(String pointer) {
    Map<String, Hint> out = new TreeMap<>();
    KEYS.forEach(
        (k, v) -> {
          if (k.startsWith(pointer + "/")) {
            out.put(k, v);
          }
        });
    return out;
  }

  static Optional<Hint> forValue(String pointer, JsonNode value) {
    if (!value.isTextual()) {
      return Optional.empty();
    }
    return Optional.ofNullable(VALUES.get(pointer + "=" + value.textValue()));
  }

  /** Reports a hint for the key or value at {@code pointer}. */
  static void report(LintContext ctx, Report out, String pointer, Hint hint, Location at) {
    out.addKeyed(
        RENAMED,
        hint.messageKey(),
        Severity.ERROR,
        pointer,
        at,
        ctx.display(pointer),
        hint.replacement(),
        hint.release(),
        ctx.show(pointer, ctx.node(pointer)));
  }
}
