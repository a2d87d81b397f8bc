package dev.pwk.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which values hold secrets, the one place that knows it: lint masks them in its messages and code
 * frames, release records and diffs mask them before they are stored or shown.
 *
 * <p>A value is secret when its key ends with a word such as {@code password}, {@code token},
 * {@code apiKey}, {@code authString} or {@code secret} (keys that name a Secret rather than hold
 * one, {@code existingSecret...}, are not), or when it is the {@code value} of an environment
 * variable ({@code {name, value}}) whose name looks secret, e.g. {@code PREFECT_API_KEY}.
 *
 * <p>An instance holds the secret texts of one values tree and masks them in any text; its {@link
 * #toString()} never shows them.
 */
public final class SecretValues {
  /** What a secret is replaced with. */
  public static final String MASK = "<redacted>";

  /** Shorter texts are not searched for in output: masking "ab" would garble every message. */
  private static final int MIN_MASKED_LENGTH = 4;

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(password|passwd|passphrase|token|api[-_]?key|auth[-_]?string|secret|credentials?"
              + "|private[-_]?key|access[-_]?key)");
  private static final Pattern REFERENCE_KEY = Pattern.compile("(?i)existing.*");
  private static final Pattern SECRET_ENV =
      Pattern.compile(
          "(?i).*(PASSWORD|PASSWD|PASSPHRASE|TOKEN|API_KEY|APIKEY|AUTH_STRING|SECRET|CREDENTIALS?"
              + "|PRIVATE_KEY|ACCESS_KEY|SECRET_KEY)");

  private static final Pattern SECRET_WORD =
      Pattern.compile(
          "(?i)(password|passwd|passphrase|token|api[-_]?key|auth[-_]?string|secret[-_]?key"
              + "|credentials?|private[-_]?key|access[-_]?key)");

  /**
   * A {@code key: value} pair (YAML block or flow, or JSON) in one line of a file: group 3 is the
   * key, group 5 the value up to a comma, brace or comment.
   */
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(^|[\\s{,\\-])([\"']?)([\\w.-]+)\\2(\\s*:\\s*)"
              + "(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^,{}\\[#\\s][^,}#]*?)(?=\\s*(?:[,}#]|$))");

  /** A flag's {@code key=value}: group 2 is the dotted key, group 3 the value. */
  private static final Pattern FLAG_PAIR =
      Pattern.compile("(^|[\\s',{])([\\w.\\[\\]-]+)=([^,'\\s}]*)");

  private static final SecretValues NONE = new SecretValues(List.of());

  /** Longest first, so that a secret containing another is masked whole. */
  private final List<String> texts;

  private SecretValues(List<String> texts) {
    this.texts = texts;
  }

  /** No secrets known; {@link #mask} still hides secret-looking {@code key: value} pairs. */
  public static SecretValues none() {
    return NONE;
  }

  /** The secret texts of a values tree. */
  public static SecretValues of(JsonNode tree) {
    TreeSet<String> found =
        new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    collect(tree, found);
    return new SecretValues(new ArrayList<>(found));
  }

  /** True when a key holds a secret, e.g. {@code authString}, but not {@code existingSecret}. */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).matches() && !REFERENCE_KEY.matcher(key).matches();
  }

  /** True when an environment variable's name says it holds a secret, e.g. {@code MY_TOKEN}. */
  public static boolean isSecretEnvName(String name) {
    return SECRET_ENV.matcher(name).matches();
  }

  /**
   * True when a text mentions a secret-looking word anywhere ({@code API_TOKEN}, {@code
   * "authString"}), as the value of a {@code --set-json} flag does when it holds one.
   */
  public static boolean mentionsSecret(String text) {
    return SECRET_WORD.matcher(text).find();
  }

  /**
   * How a finding names the flag that set a value: {@link Origin#describe()}, with the flag's value
   * replaced by {@value #MASK} when a key of the flag names a secret (judged per dotted segment, so
   * {@code jobApiKeyPropagation} is not one) or its value mentions one (a {@code --set-json} object
   * holding an {@code authString}). For any other origin, its description.
   */
  public static String describe(Origin origin) {
    if (!origin.isFlag()) {
      return origin.describe();
    }
    String arg = origin.flagArgument();
    int eq = arg.indexOf('=');
    String key = eq < 0 ? arg : arg.substring(0, eq);
    String value = eq < 0 ? "" : arg.substring(eq + 1);
    boolean secret = mentionsSecret(value);
    for (String pair : arg.split(",")) {
      int at = pair.indexOf('=');
      for (String segment : (at < 0 ? pair : pair.substring(0, at)).split("[.\\[\\]]")) {
        secret |= isSecretKey(segment);
      }
    }
    if (secret) {
      return origin.source() + " #" + origin.flagIndex() + " (" + key + "=" + MASK + ")";
    }
    return origin.describe();
  }

  /**
   * True when the value at a JSON pointer of {@code root} holds a secret: its key names one, or it
   * is the value of an environment variable whose name does.
   */
  public static boolean isSecret(JsonNode root, String pointer) {
    if (pointer.isEmpty()) {
      return false;
    }
    int slash = pointer.lastIndexOf('/');
    String key = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (isSecretKey(key)) {
      return true;
    }
    return key.equals("value") && root != null && isSecretEnv(root.at(pointer.substring(0, slash)));
  }

  /** True for an environment variable object ({@code {name, value}}) whose name looks secret. */
  public static boolean isSecretEnv(JsonNode object) {
    JsonNode name = object.get("name");
    return object.isObject()
        && object.has("value")
        && name != null
        && name.isTextual()
        && isSecretEnvName(name.asText());
  }

  /**
   * The text with every known secret, and the value of every secret-looking {@code key: value} pair
   * (in a line of a file) or {@code key=value} pair (in a flag), replaced by {@value #MASK}.
   */
  public String mask(String text) {
    String out = text;
    for (String secret : texts) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return maskPairs(maskPairs(out, KEY_VALUE, 3, 5), FLAG_PAIR, 2, 3);
  }

  private static String maskPairs(String text, Pattern pair, int keyGroup, int valueGroup) {
    Matcher m = pair.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = m.group(valueGroup);
      String[] segments = m.group(keyGroup).split("[.\\[\\]]");
      boolean keep =
          segments.length == 0
              || !isSecretKey(segments[segments.length - 1])
              || value.isEmpty()
              || value.equals(MASK)
              || value.equals("\"\"")
              || value.equals("''");
      m.appendReplacement(sb, "");
      sb.append(text, m.start(), m.start(valueGroup)).append(keep ? value : MASK);
    }
    m.appendTail(sb);
    return sb.toString();
  }

  @Override
  public String toString() {
    return "SecretValues[" + texts.size() + " secret(s), not shown]";
  }

  private static void collect(JsonNode node, TreeSet<String> out) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      boolean env = isSecretEnv(node);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode value = e.getValue();
        if ((isSecretKey(e.getKey()) || (env && e.getKey().equals("value")))
            && value.isValueNode()
            && !value.isBoolean()) {
          String s = value.asText();
          if (s.length() >= MIN_MASKED_LENGTH) {
            out.add(s);
          }
        } else {
          collect(value, out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, out));
    }
  }
}
