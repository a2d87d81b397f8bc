package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Origin;
import dev.pwk.values.SecretValues;

/**
 * Keeps secret values out of messages and flag descriptions; which values are secret is {@link
 * SecretValues}' knowledge.
 */
final class Secrets {
  static final String REDACTED = SecretValues.MASK;

  private Secrets() {}

  /** True when the value at the pointer holds a secret (judged on {@code root}'s keys). */
  static boolean isSecretPath(JsonNode root, String pointer) {
    return SecretValues.isSecret(root, pointer);
  }

  /** How a finding names the flag that set a value, its value masked when secret-looking. */
  static String describe(Origin origin) {
    return SecretValues.describe(origin);
  }
}
