package dev.pwk.validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What each family of rules checks and what to do about a finding, from {@code rules.properties}; a
 * family is the part of a rule id before its first dot ({@code schema} for {@code schema.enum}).
 */
final class RuleDocs {
  private static final String OTHER = "other";
  private static final Properties TEXTS = load();

  private RuleDocs() {}

  /** The family of a rule id. */
  static String family(String ruleId) {
    int dot = ruleId.indexOf('.');
    return dot < 0 ? ruleId : ruleId.substring(0, dot);
  }

  /** Whether the family of a rule id is described (and not only by the fallback). */
  static boolean isDescribed(String ruleId) {
    return TEXTS.containsKey(family(ruleId) + ".description");
  }

  /** What the rule's family checks. */
  static String description(String ruleId) {
    return text(ruleId, ".description");
  }

  /** What to do about a finding of the rule. */
  static String help(String ruleId) {
    return text(ruleId, ".help");
  }

  private static String text(String ruleId, String suffix) {
    String family = family(ruleId);
    return TEXTS.getProperty(family + suffix, TEXTS.getProperty(OTHER + suffix));
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = RuleDocs.class.getResourceAsStream("rules.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing rules.properties");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("rules.properties is unreadable", e);
    }
  }
}
