package dev.pwk.validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The texts of {@code messages.properties}, keyed by rule id (variants add a suffix such as {@code
 * schema.enum.suggest}). Patterns use {@link MessageFormat}, so a literal quote is written {@code
 * ''}.
 */
final class Messages {
  private static final Properties TEXTS = load();

  private Messages() {}

  static String format(String key, Object... args) {
    String pattern = TEXTS.getProperty(key);
    if (pattern == null) {
      throw new IllegalStateException("no message for key " + key);
    }
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      // Numbers as plain text: MessageFormat would group digits (1,000).
      texts[i] = args[i] instanceof Number ? args[i].toString() : args[i];
    }
    return new MessageFormat(pattern, Locale.ROOT).format(texts);
  }

  static Set<String> keys() {
    return TEXTS.stringPropertyNames();
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
      if (in == null) {
        throw new IllegalStateException("missing messages.properties");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("messages.properties is unreadable", e);
    }
  }
}
