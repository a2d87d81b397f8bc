package dev.pwk.renderer;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.util.Optional;

/**
 * {@code serviceaccount.yaml} (docs/chart-spec.md §4.3): emitted when {@code serviceAccount.create}
 * is truthy.
 */
final class ServiceAccountManifest {
  static final String TEMPLATE = "serviceaccount.yaml";

  private ServiceAccountManifest() {}

  static Optional<ServiceAccount> build(RenderContext ctx) {
    if (!ctx.values().serviceAccountCreate()) {
      return Optional.empty();
    }
    Names n = ctx.names();
    return Optional.of(
        new ServiceAccountBuilder()
            .withMetadata(ctx.metadata().serviceAccount(n.serviceAccountName(), n.namespace()))
            .build());
  }
}
