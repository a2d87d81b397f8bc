package dev.pwk.kube;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for unknown keys, fields and enum values: Levenshtein distance ignoring case and
 * separators, plus containment. pwk's one threshold for every suggestion it makes.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code input}, if any is close enough: equal ignoring case and
   * separators, within a small edit distance, or containing the input (as {@code tag} is contained
   * in {@code prefectTag}).
   */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String in = normalize(input);
    String inSingular = in.endsWith("s") && in.length() > 3 ? in.substring(0, in.length() - 1) : in;
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String c = normalize(candidate);
      int distance = levenshtein(in, c);
      boolean close = distance <= Math.max(1, Math.min(in.length(), c.length()) / 4);
      boolean contained =
          (inSingular.length() >= 3 && c.contains(inSingular))
              || (c.length() >= 4 && in.contains(c));
      if ((close || contained) && distance < bestScore) {
        best = candidate;
        bestScore = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The edit distance between {@code a} and {@code b}. */
  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String normalize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if (ch != '-' && ch != '_') {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
