package dev.pwk.validator;

import dev.pwk.values.Location;
import dev.pwk.values.Migration;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesMigrator;
import java.util.List;

/**
 * Files written for an older chart layout: named with the releases they fit, and {@code pwk
 * migrate}, which the per-key rename hints of {@link Migrations} alone do not say.
 */
final class OldLayouts {
  static final String OLD_LAYOUT = "values.old-layout";

  private OldLayouts() {}

  /**
   * Names each user file written for older releases only, with those releases, at its first line:
   * {@code pwk migrate} rewrites it.
   */
  static void report(LintContext ctx, List<SourceText> sources, Report out) {
    ValuesMigrator migrator = new ValuesMigrator();
    for (SourceText source : sources) {
      if (source.name().equals(ValuesContract.DEFAULTS_NAME)) {
        continue;
      }
      Migration m;
      try {
        m = migrator.migrate(source.name(), source.text(), null);
      } catch (ValuesException e) {
        continue; // the loader reported it already
      }
      // A file that fits no release mixes layouts or has mistakes: the key hints say more.
      if (!m.writtenFor().releases().isEmpty()
          && !m.writtenFor().fitsCurrent()
          && !m.migrated().equals(m.original())) {
        out.add(
            OLD_LAYOUT,
            Severity.INFO,
            "",
            new Location(source.name(), 1, 1, ctx.rank(source.name())),
            source.name(),
            m.writtenFor().describe());
      }
    }
  }
}
