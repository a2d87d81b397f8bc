package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a values file written for an older chart release to the current one by applying the chart
 * history's rules after the release it was written for, as text edits that keep everything else of
 * the file as it is. Migrating a migrated file changes nothing.
 */
public final class ValuesMigrator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChartHistory history;

  /** A migrator over the bundled chart history. */
  public ValuesMigrator() {
    this(ChartHistory.load());
  }

  ValuesMigrator(ChartHistory history) {
    this.history = history;
  }

  /**
   * Migrates a file's text.
   *
   * @param name the file name, for messages
   * @param text the file's content
   * @param fromRelease the release the file was written for, or null to detect it
   * @throws ValuesException when the text is not a readable values file or the release is unknown
   */
  public Migration migrate(String name, String text, String fromRelease) throws ValuesException {
    JsonNode tree = YamlFileReader.readText(name, text, Origin.Kind.FILE).tree();
    ReleaseFit fit = history.detect(tree);
    String start = fromRelease == null ? fit.oldest() : distinct(name, fromRelease);
    int after = start == null ? -1 : history.indexOf(start);
    ValuesTextEditor editor = new ValuesTextEditor(text);
    List<Migration.Change> changes = new ArrayList<>();
    for (MigrationRule rule : history.rules()) {
      if (history.indexOf(rule.release()) > after) {
        Migration.Change change = apply(name, editor, rule);
        if (change != null) {
          changes.add(change);
        }
      }
    }
    List<WorkerChange> workerChanges =
        history.workerChanges().stream().filter(w -> history.indexOf(w.release()) > after).toList();
    return new Migration(name, text, editor.text(), fit, start, changes, workerChanges);
  }

  private String distinct(String name, String release) throws ValuesException {
    return history
        .distinctOf(release)
        .orElseThrow(
            () ->
                new ValuesException(
                    InputFindings.error(
                        "input.migrate-unknown-release",
                        name,
                        -1,
                        -1,
                        "unknown chart release '"
                            + release
                            + "'; give a prefect-worker chart version since 2023.03.27, such as "
                            + history.releases().get(0).name())));
  }

  private Migration.Change apply(String name, ValuesTextEditor editor, MigrationRule rule)
      throws ValuesException {
    List<String> keys = rule.keys();
    ValuesTextEditor.Outcome outcome;
    boolean warning = false;
    String message = rule.describe();
    switch (rule.change()) {
      case RENAME -> outcome = editor.move(keys, List.of(rule.argument().split("\\.")));
      case VALUE -> outcome = editor.replaceValue(keys, rule.oldValue(), rule.argument());
      case WRAP -> {
        if (editor.isNull(keys)) {
          // Helm reads a null as "delete the default", and the chart's templates read the
          // map's keys: the old default null must go rather than become the new map.
          outcome = editor.remove(keys);
          message =
              rule.keyPath()
                  + " held null, the default before chart "
                  + rule.release()
                  + ", and was deleted: null would now remove the map's defaults";
        } else {
          outcome = editor.wrap(keys, rule.argument());
        }
      }
      case REMOVE -> {
        if (!editor.has(keys)) {
          return null;
        }
        boolean isDefault = valueAt(name, editor.text(), keys).equals(defaultOf(rule));
        outcome = editor.remove(keys);
        if (outcome == ValuesTextEditor.Outcome.DONE) {
          warning = !isDefault;
          message =
              isDefault
                  ? rule.describe() + "; it held the default and was deleted"
                  : rule.describe() + "; your setting was deleted: " + rule.note();
        }
      }
      default -> throw new IllegalStateException("unknown change " + rule.change());
    }
    return switch (outcome) {
      case ABSENT -> null;
      case DONE -> new Migration.Change(rule, warning, message);
      case CONFLICT ->
          new Migration.Change(
              rule,
              true,
              rule.describe()
                  + ", but the file sets both; merge "
                  + rule.keyPath()
                  + " into "
                  + rule.argument()
                  + " by hand");
      case UNSUPPORTED ->
          new Migration.Change(
              rule, true, rule.describe() + "; edit it by hand (flow-style YAML is not edited)");
    };
  }

  private static JsonNode valueAt(String name, String text, List<String> keys)
      throws ValuesException {
    JsonNode n = YamlFileReader.readText(name, text, Origin.Kind.FILE).tree();
    for (String key : keys) {
      n = n.path(key);
    }
    return n;
  }

  private static JsonNode defaultOf(MigrationRule rule) {
    try {
      return rule.argument().equals("null")
          ? NullNode.getInstance()
          : JSON.readTree(rule.argument());
    } catch (IOException e) {
      throw new IllegalStateException("rule default is not JSON: " + rule, e);
    }
  }
}
