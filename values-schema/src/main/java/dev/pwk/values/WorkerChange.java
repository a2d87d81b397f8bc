package dev.pwk.values;

import java.util.Objects;

/**
 * A change a chart release made to the worker container on its own (same values, other output), as
 * listed in the chart history's {@code history/worker-changes.tsv}.
 *
 * @param release the first release with the change
 * @param field the container field: {@code env.NAME}, {@code args}, {@code command}, ...
 * @param note what changed
 */
public record WorkerChange(String release, String field, String note) {
  public WorkerChange {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(note, "note");
  }
}
