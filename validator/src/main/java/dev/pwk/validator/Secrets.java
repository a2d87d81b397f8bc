package dev.pwk.validator;

import dev.pwk.values.Origin;
import java.util.regex.Pattern;

/** Keeps secret values out of messages and flag descriptions. */
final class Secrets {
  static final String REDACTED = "<redacted>";

  /** Path segments (or flag keys) whose values are treated as secret. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i)(auth[-_]?string|api[-_]?key|token|password|passwd|secret[-_]?key|credentials?)$");

  private static final Pattern SECRET_IN_FLAG =
      Pattern.compile(
          "(?i)(auth[-_]?string|api[-_]?key|token|password|passwd|secret[-_]?key|credentials?)");

  private Secrets() {}

  /** True when any segment of the pointer names a secret. */
  static boolean isSecretPath(String pointer) {
    for (String segment : Pointers.segments(pointer)) {
      if (SECRET_NAME.matcher(segment).find()) {
        return true;
      }
    }
    return false;
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
    boolean secretKey = false;
    for (String pair : arg.split(",")) {
      int at = pair.indexOf('=');
      for (String segment : (at < 0 ? pair : pair.substring(0, at)).split("[.\\[\\]]")) {
        secretKey |= SECRET_NAME.matcher(segment).find();
      }
    }
    if (secretKey || SECRET_IN_FLAG.matcher(value).find()) {
      return origin.source() + " #" + origin.flagIndex() + " (" + key + "=" + REDACTED + ")";
    }
    return origin.describe();
  }
}
