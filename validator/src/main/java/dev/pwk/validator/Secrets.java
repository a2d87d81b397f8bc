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

  /** {@link Origin#describe()}, with the value part of a secret-looking flag replaced. */
  static String describe(Origin origin) {
    if (!origin.isFlag() || !SECRET_IN_FLAG.matcher(origin.flagArgument()).find()) {
      return origin.describe();
    }
    String arg = origin.flagArgument();
    int eq = arg.indexOf('=');
    String key = eq < 0 ? arg : arg.substring(0, eq);
    if (SECRET_IN_FLAG.matcher(key).find()) {
      return origin.source() + " #" + origin.flagIndex() + " (" + key + "=" + REDACTED + ")";
    }
    return origin.source() + " #" + origin.flagIndex() + " (" + REDACTED + ")";
  }
}
