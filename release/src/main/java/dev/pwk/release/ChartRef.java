package dev.pwk.release;

import java.util.Objects;

/**
 * The chart a release was rendered from, as kept in its records.
 *
 * @param name e.g. {@code prefect-worker}
 * @param version the chart version
 * @param appVersion the Prefect version the chart deploys by default
 */
public record ChartRef(String name, String version, String appVersion) {

  public ChartRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(appVersion, "appVersion");
  }
}
