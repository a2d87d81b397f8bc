package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.kube.Suggestions;
import dev.pwk.values.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Top-level keys the chart does not know. Its schema allows any top-level key (umbrella charts pass
 * their own), so Helm ignores a misspelt {@code serviceAcount:} or a {@code extraEnvVars:} meant
 * for {@code worker.extraEnvVars} without a word; this rule warns, with the key's nearest known
 * path anywhere in the values.
 */
final class TopLevelKeys implements Rule {
  static final String UNKNOWN = "values.unknown-top-level-key";
  static final String MSG_SUGGEST = "values.unknown-top-level-key.suggest";

  /**
   * Keys umbrella charts set on a subchart: Helm's {@code global}, the {@code enabled} condition.
   */
  static final Set<String> UMBRELLA_KEYS = Set.of("global", "enabled");

  /**
   * The prefix of keys that only hold YAML anchors for use elsewhere ({@code x-cpu: &cpu 500m}),
   * the extension-field convention of Compose files that values files borrow.
   */
  static final String ANCHOR_PREFIX = "x-";

  /** Every key name of the schema, lower-cased, with its shallowest path (dotted). */
  private static volatile Map<String, String> nestedKeys;

  private final Set<String> allowed;

  /** The rule, with extra top-level keys to accept ({@code --allow-key}). */
  TopLevelKeys(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  @Override
  public void check(LintContext ctx, Report out) {
    JsonNode schema = SchemaCheck.get().schemaTree();
    JsonNode known = schema.path("properties");
    JsonNode user = ctx.userTree();
    if (!user.isObject()) {
      return;
    }
    for (Iterator<String> it = user.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (known.has(key)
          || UMBRELLA_KEYS.contains(key)
          || allowed.contains(key)
          || key.startsWith(ANCHOR_PREFIX)) {
        continue;
      }
      String pointer = Pointers.child("", key);
      Optional<String> suggestion = suggest(key, known, schema);
      if (suggestion.isPresent()) {
        out.addKeyed(
            UNKNOWN,
            MSG_SUGGEST,
            Severity.WARNING,
            pointer,
            ctx.atKey(pointer),
            key,
            suggestion.get());
      } else {
        out.add(UNKNOWN, Severity.WARNING, pointer, ctx.atKey(pointer), key);
      }
    }
  }

  /**
   * The known path nearest to a top-level key: a key of that name deeper in the values (the
   * shallowest one, so {@code extraEnvVars} gives {@code worker.extraEnvVars}), else a close
   * top-level key ({@code serviceAcount} gives {@code serviceAccount}), else a close deeper key.
   */
  static Optional<String> suggest(String key, JsonNode topLevel, JsonNode schema) {
    Map<String, String> nested = nestedKeys(schema);
    String exact = nested.get(key.toLowerCase(Locale.ROOT));
    if (exact != null) {
      return Optional.of(exact);
    }
    List<String> top = new ArrayList<>();
    topLevel.fieldNames().forEachRemaining(top::add);
    Optional<String> close = Suggestions.closest(key, top);
    if (close.isPresent()) {
      return close;
    }
    Map<String, String> byName = new LinkedHashMap<>();
    nested
        .values()
        .forEach(path -> byName.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), path));
    return Suggestions.closest(key, byName.keySet()).map(byName::get);
  }

  private static Map<String, String> nestedKeys(JsonNode schema) {
    Map<String, String> m = nestedKeys;
    if (m == null) {
      Map<String, String> found = new LinkedHashMap<>();
      // Breadth first, so the first path found for a name is the shallowest.
      List<Map.Entry<String, JsonNode>> level = new ArrayList<>();
      schema
          .path("properties")
          .fields()
          .forEachRemaining(e -> level.add(Map.entry(e.getKey(), e.getValue())));
      while (!level.isEmpty()) {
        List<Map.Entry<String, JsonNode>> next = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : level) {
          String path = e.getKey();
          if (path.contains(".")) {
            found.putIfAbsent(
                path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), path);
          }
          e.getValue()
              .path("properties")
              .fields()
              .forEachRemaining(c -> next.add(Map.entry(path + "." + c.getKey(), c.getValue())));
        }
        level.clear();
        level.addAll(next);
      }
      m = Collections.unmodifiableMap(found);
      nestedKeys = m;
    }
    return m;
  }
}
