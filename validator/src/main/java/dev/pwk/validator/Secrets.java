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

  /**
   * {@link Origin#describe()}, with the value replaced when a key of the flag names a secret
   * (judged per dotted segment, like paths, so {@code jobApiKeyPropagation} is not one) or its
   * value mentions one (a {@code --set-json} object holding an {@code authString}).
   */
  static String describe(Origin origin) {
    if (!origin.isFlag()) {
      return origin.describe();
    }
    String arg = origin.flagArgument();
    int eq = arg.indexOf('=');
    String key = eq < 0 ? arg : arg.substring(0, eq);
    String value = eq < 0 ? "" : arg.substring(eq + 1);
    boolean secret = false;
    for (String pair : arg.split(",")) {
      int at = pair.indexOf('=');
      for (String segment : (at < 0 ? pair : pair.substring(0, at)).split("[.\\[\\]]")) {
        secret |= SecretValues.isSecretKey(segment);
      }
    }
    if (secret || !SecretValues.none().mask(value).equals(value)) {
      return origin.source() + " #" + origin.flagIndex() + " (" + key + "=" + REDACTED + ")";
    }
    return origin.describe();
  }
}
