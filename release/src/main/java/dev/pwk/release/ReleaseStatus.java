package dev.pwk.release;

import java.util.Arrays;

/** The state of one revision of a release, as kept in its record. */
public enum ReleaseStatus {
  PENDING_INSTALL("pending-install"),
  PENDING_UPGRADE("pending-upgrade"),
  PENDING_ROLLBACK("pending-rollback"),
  DEPLOYED("deployed"),
  SUPERSEDED("superseded"),
  FAILED("failed"),
  UNINSTALLING("uninstalling"),
  UNINSTALLED("uninstalled");

  private final String label;

  ReleaseStatus(String label) {
    this.label = label;
  }

  /** The name shown to users and stored in records, e.g. {@code pending-upgrade}. */
  public String label() {
    return label;
  }

  /** True while an operation holds the release: pending-* and uninstalling. */
  public boolean isPending() {
    return this == PENDING_INSTALL
        || this == PENDING_UPGRADE
        || this == PENDING_ROLLBACK
        || this == UNINSTALLING;
  }

  @Override
  public String toString() {
    return label;
  }

  static ReleaseStatus fromLabel(String label) {
    return Arrays.stream(values())
        .filter(s -> s.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown release status " + label));
  }
}
