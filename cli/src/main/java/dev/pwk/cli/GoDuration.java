package dev.pwk.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as Helm writes them ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 300}). */
final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private GoDuration() {}

  static Duration parse(String text) {
    String t = text.trim();
    if (t.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    Matcher m = PART.matcher(t);
    double millis = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double n = Double.parseDouble(m.group(1));
      millis +=
          switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            default -> n * 3_600_000;
          };
      end = m.end();
    }
    if (end == 0 || end != t.length() || millis <= 0) {
      throw new UserException(
          "invalid duration \"" + text + "\": use e.g. 90s, 5m or 1h30m", ExitCodes.USAGE);
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
