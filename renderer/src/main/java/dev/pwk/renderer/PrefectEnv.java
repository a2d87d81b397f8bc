package dev.pwk.renderer;

import dev.pwk.kube.Value;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import java.util.Optional;

/** Env vars that both the worker container and the sync init container carry. */
final class PrefectEnv {
  static final String HOME = "/home/prefect";
  static final String AUTH_STRING_KEY = "auth-string";

  private PrefectEnv() {}

  static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  /**
   * A value the chart pipes through {@code quote}: the printed scalar, or no value at all for null,
   * since {@code quote} prints nothing for nil and YAML then reads a bare key.
   */
  static String quoted(WorkerValues v, Value value) {
    return value.isNull() ? null : v.text(value);
  }

  /** {@code PREFECT_API_KEY} from the Secret of the active cloud mode; none for a server. */
  static Optional<EnvVar> apiKey(WorkerValues v) {
    return v.cloudMode()
        .map(m -> fromSecret("PREFECT_API_KEY", m.apiKeySecretName(), m.apiKeySecretKey()));
  }

  /**
   * {@code PREFECT_API_AUTH_STRING} when basic auth is on (in any API mode): from the existing
   * Secret if named, else the literal auth string.
   */
  static List<EnvVar> authString(WorkerValues v) {
    if (!v.basicAuthEnabled()) {
      return List.of();
    }
    String secret = v.basicAuthExistingSecret();
    return List.of(
        secret == null
            ? value("PREFECT_API_AUTH_STRING", v.basicAuthString())
            : fromSecret(
                "PREFECT_API_AUTH_STRING", v.basicAuthExistingSecretName(), AUTH_STRING_KEY));
  }
}
