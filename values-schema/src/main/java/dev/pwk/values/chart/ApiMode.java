package dev.pwk.values.chart;

import java.util.Optional;

/** The values {@code worker.apiConfig} takes, each with the block of settings it reads. */
public enum ApiMode {
  CLOUD("cloud", "cloudApiConfig"),
  CUSTOMER_MANAGED_CLOUD("customerManagedCloud", "customerManagedCloudApiConfig"),
  SELF_HOSTED_SERVER("selfHostedServer", "selfHostedServerApiConfig");

  private final String value;
  private final String block;

  ApiMode(String value, String block) {
    this.value = value;
    this.block = block;
  }

  /** What {@code worker.apiConfig} says for this mode, e.g. {@code cloud}. */
  public String value() {
    return value;
  }

  /** The key of this mode's settings under {@code worker}, e.g. {@code cloudApiConfig}. */
  String block() {
    return block;
  }

  /** True for the two Prefect Cloud modes, which take an API key and build an account URL. */
  public boolean isCloud() {
    return this != SELF_HOSTED_SERVER;
  }

  /** The mode {@code worker.apiConfig} names; empty for anything else (a schema finding). */
  public static Optional<ApiMode> named(String value) {
    for (ApiMode m : values()) {
      if (m.value.equals(value)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
