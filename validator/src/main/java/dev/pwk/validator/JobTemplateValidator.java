package dev.pwk.validator;

import dev.pwk.values.Finding;
import dev.pwk.values.Location;
import dev.pwk.values.Severity;
import dev.pwk.values.SourceText;
import dev.pwk.values.ValuesLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Lints a Prefect base job template given as JSON (the file teams keep in git and pass to {@code
 * prefect work-pool create --base-job-template}, or to the chart with {@code --set-file
 * worker.config.baseJobTemplate.configuration=FILE}). Findings point at the line and column inside
 * the JSON; their paths are JSON pointers into the template.
 *
 * <p>The checks are those {@link ValuesValidator} applies to a template in values: valid JSON, a
 * {@code variables} section that is a valid JSON schema whose defaults match it, placeholders that
 * name declared variables and variables that some placeholder uses, and for Kubernetes work pools a
 * {@code job_manifest} that Prefect's worker accepts and that is a valid batch/v1 Job once filled.
 * Instances are immutable and thread-safe.
 */
public final class JobTemplateValidator {
  /** The subject of messages about a whole standalone template. */
  private static final String SUBJECT = "the base job template";

  private JobTemplateValidator() {}

  /** A validator; cheap to create, and safe to share between threads. */
  public static JobTemplateValidator create() {
    return new JobTemplateValidator();
  }

  /**
   * Checks JSON text and returns every finding, ordered by line and column.
   *
   * @param name the file name findings carry
   * @param jsonText the template's text
   */
  public List<Finding> validate(String name, String jsonText) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jsonText, "jsonText");
    Report out = new Report();
    Location start = new Location(name, 1, 1, 0);
    JsonText json;
    try {
      json = JsonText.parse(jsonText);
    } catch (JsonText.SyntaxError e) {
      Location at = new Location(name, e.at().line(), e.at().column(), 0);
      out.add(BaseJobTemplateRules.INVALID_JSON, Severity.ERROR, "", at, SUBJECT, e.getMessage());
      return out.sorted();
    }
    TemplateSite site =
        new TemplateSite.Text(json, name, 0, TemplateSite.PositionMap.identity(), start, "");
    if (!json.root().isObject()) {
      out.addKeyed(
          BaseJobTemplateRules.INVALID_JSON,
          BaseJobTemplateRules.MSG_INVALID_JSON_NOT_OBJECT,
          Severity.ERROR,
          "",
          site.at(""),
          SUBJECT,
          LintContext.typeName(json.root()));
    } else {
      JobTemplateCheck.check(json.root(), site, out, Severity.ERROR);
    }
    return out.sorted();
  }

  /**
   * Reads and checks a template file; a file that cannot be read gives an {@code input.*} finding
   * ({@code input.not-found}, {@code input.unreadable}, {@code input.not-utf8}, {@code
   * input.too-large}) instead. The result carries the file's text for code frames.
   */
  public LintTarget lint(Path file) {
    String name = file.toString();
    String text;
    try {
      text = read(file);
    } catch (Unreadable e) {
      Finding f = new Finding(name, -1, -1, "", e.code, Severity.ERROR, e.getMessage());
      return new LintTarget(name, List.of(f), List.of());
    }
    return new LintTarget(name, validate(name, text), List.of(new SourceText(name, text)));
  }

  /** Strict UTF-8 without a byte-order mark, at most {@link ValuesLoader#MAX_FILE_BYTES}. */
  private static String read(Path file) throws Unreadable {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new Unreadable("input.unreadable", "is a directory, not a file");
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(ValuesLoader.MAX_FILE_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw new Unreadable("input.not-found", "file not found");
    } catch (AccessDeniedException e) {
      throw new Unreadable("input.unreadable", "permission denied");
    } catch (IOException e) {
      throw new Unreadable("input.unreadable", "cannot read file: " + e.getMessage());
    }
    if (bytes.length > ValuesLoader.MAX_FILE_BYTES) {
      throw new Unreadable(
          "input.too-large",
          "file is larger than " + ValuesLoader.MAX_FILE_BYTES / (1024 * 1024) + " MiB");
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new Unreadable("input.not-utf8", "file is not valid UTF-8");
    }
  }

  /** A file that could not be read, with the input code it is reported under. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    Unreadable(String code, String message) {
      super(message);
      this.code = code;
    }
  }
}
