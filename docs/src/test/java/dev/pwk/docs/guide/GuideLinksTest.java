package dev.pwk.docs.guide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Relative links in the user guide and the CLI reference point at files that exist. */
@DisplayName("the user guide's relative links resolve")
class GuideLinksTest {
  /** {@code [text](target)}, where target is not a URL or a same-page anchor. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  @DisplayName("every relative link in docs/guide/*.md and docs/cli-reference.md names a file")
  void relativeLinksResolve() throws IOException {
    List<Path> pages = new ArrayList<>();
    try (Stream<Path> guide = Files.list(Path.of("guide"))) {
      guide.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    Path reference = Path.of("cli-reference.md");
    if (Files.exists(reference)) {
      pages.add(reference);
    }
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      String text = Files.readString(page, StandardCharsets.UTF_8);
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("[a-z]+:.*") || target.startsWith("#")) {
          continue;
        }
        String file = target.replaceFirst("#.*$", "");
        Path resolved = page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add("docs/" + page.toString().replace('\\', '/') + ": " + target);
        }
      }
    }
    assertTrue(broken.isEmpty(), "broken relative links: " + broken);
  }
}
