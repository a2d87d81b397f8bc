package dev.pwk.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The one line pwk prints for a usage error that picocli reports. */
final class UsageMessages {
  /**
   * Picocli's list of an enum's constants; pwk accepts them in any case and documents them lower.
   */
  private static final Pattern ENUM_VALUES =
      Pattern.compile("expected one of \\[([^]]*)] \\(case-insensitive\\)");

  private UsageMessages() {}

  static String of(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      return unmatched(u);
    }
    return lowerCaseEnumValues(e.getMessage());
  }

  /** An unknown option or command, with picocli's nearest match: {@code did you mean 'lint'?}. */
  private static String unmatched(UnmatchedArgumentException e) {
    String arg = e.getUnmatched().get(0);
    String message;
    if (e.isUnknownOption()) {
      message = "unknown option '" + arg + "'";
    } else if (!e.getCommandLine().getSubcommands().isEmpty()) {
      message = "unknown command '" + arg + "'";
    } else {
      return e.getMessage();
    }
    List<String> suggestions = e.getSuggestions();
    return suggestions.isEmpty()
        ? message
        : message + "; did you mean '" + suggestions.get(0) + "'?";
  }

  private static String lowerCaseEnumValues(String message) {
    Matcher m = ENUM_VALUES.matcher(message);
    return m.find()
        ? message.substring(0, m.start())
            + "expected one of "
            + m.group(1).toLowerCase(Locale.ROOT)
            + message.substring(m.end())
        : message;
  }
}
