package dev.pwk.cli;

import dev.pwk.validator.ReportFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * The report formats as users type them ({@code text}, {@code json}, ...), for shell completion:
 * picocli would offer the enum's constant names.
 */
final class FormatNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(ReportFormat.values())
        .map(f -> f.name().toLowerCase(Locale.ROOT))
        .iterator();
  }
}
