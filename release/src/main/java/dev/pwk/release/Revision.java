package dev.pwk.release;

import java.time.Instant;
import java.util.Objects;

/**
 * One revision of a release, as {@code pwk history} lists it.
 *
 * @param name the release name
 * @param namespace the release namespace
 * @param revision the revision number, from 1
 * @param status the revision's state
 * @param updated when the status last changed
 * @param description what happened, e.g. {@code Upgrade complete} or the failure
 * @param chart the chart that rendered the revision
 * @param toolVersion the pwk version that wrote it
 */
public record Revision(
    String name,
    String namespace,
    int revision,
    ReleaseStatus status,
    Instant updated,
    String description,
    ChartRef chart,
    String toolVersion) {

  public Revision {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(toolVersion, "toolVersion");
  }
}
