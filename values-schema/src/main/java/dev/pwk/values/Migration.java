package dev.pwk.values;

import java.util.List;
import java.util.Objects;

/**
 * A values file brought to the current chart's layout by {@link ValuesMigrator}.
 *
 * @param name the file name as the user gave it
 * @param original the file's text
 * @param migrated the edited text; equal to {@code original} when nothing needed to change
 * @param writtenFor the releases the original fits
 * @param fromRelease the release whose later rules were applied, or null when the file fits no
 *     release and every rule was tried
 * @param changes what was changed or needs a hand edit, in the order applied
 * @param workerChanges what the chart releases after {@code fromRelease} changed in the worker
 *     container on their own: the migrated file renders differently there, with the same values
 */
public record Migration(
    String name,
    String original,
    String migrated,
    ReleaseFit writtenFor,
    String fromRelease,
    List<Change> changes,
    List<WorkerChange> workerChanges) {

  public Migration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(migrated, "migrated");
    Objects.requireNonNull(writtenFor, "writtenFor");
    changes = List.copyOf(changes);
    workerChanges = List.copyOf(workerChanges);
  }

  /** Whether the text changed or a setting needs the user's attention. */
  public boolean needed() {
    return !original.equals(migrated) || changes.stream().anyMatch(Change::warning);
  }

  /**
   * One applied rule.
   *
   * @param rule the rule
   * @param warning true when the user must act (a removed setting, a hand edit)
   * @param message what happened, naming paths, never values
   */
  public record Change(MigrationRule rule, boolean warning, String message) {}
}
