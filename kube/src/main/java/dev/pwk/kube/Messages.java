package dev.pwk.kube;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** pwk-kube's message texts, from {@code messages.properties}, keyed by rule. */
final class Messages {
  private static final Properties TEXTS = load();

  private Messages() {}

  /** The text for {@code key} with {@code {0}}-style arguments filled in. */
  static String get(String key, Object... args) {
    String pattern = TEXTS.getProperty(key);
    if (pattern == null) {
      throw new IllegalStateException("no message for " + key);
    }
    return format(pattern, args);
  }

  /** The pattern for {@code key}; null when there is none. */
  static String pattern(String key) {
    return TEXTS.getProperty(key);
  }

  /** A pattern with {@code {0}}-style arguments filled in. */
  static String format(String pattern, Object... args) {
    return new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  private static Properties load() {
    try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing messages.properties");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
