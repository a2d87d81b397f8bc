package dev.pwk.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes docs/chart-README.md from its template and the values contract. Run it from the repository
 * root with {@code ./mvnw -q -pl docs test-compile exec:java}; the docs POM passes the README's
 * path.
 */
public final class RegenerateChartReadme {
  private RegenerateChartReadme() {}

  /**
   * Regenerates the README.
   *
   * @param args the README's path
   */
  public static void main(String[] args) throws IOException, DocsException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: RegenerateChartReadme <path of chart-README.md>");
    }
    Path readme = Path.of(args[0]);
    String text = DocsGenerator.create().renderChartReadme();
    Files.writeString(readme, text, StandardCharsets.UTF_8);
    System.out.println("wrote " + readme);
  }
}
