package dev.pwk.pipeline;

import dev.pwk.values.SourceText;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The texts of the values files that can be read, for code frames when loading failed. */
final class ReadableSources {
  private ReadableSources() {}

  static List<SourceText> of(ValueInputs inputs) {
    List<SourceText> texts = new ArrayList<>();
    for (Path p : inputs.files()) {
      try {
        if (Files.isRegularFile(p) && Files.size(p) <= ValuesLoader.MAX_FILE_BYTES) {
          texts.add(new SourceText(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
        }
      } catch (IOException | RuntimeException e) {
        // Not decodable: the finding itself already says so; there is just no code frame.
      }
    }
    return texts;
  }
}
