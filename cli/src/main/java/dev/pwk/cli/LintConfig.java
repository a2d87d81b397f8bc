package dev.pwk.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lint settings kept with the values, in a {@code .pwk.yaml} file: the nearest one in the working
 * directory or above it, or the file {@code --config} names.
 *
 * <pre>
 * lint:
 *   allowKeys: [tags, myUmbrellaSetting]   # top-level keys that are not typos
 * </pre>
 *
 * @param source the file the settings came from, or empty when there is none
 * @param allowKeys top-level keys accepted without a warning
 */
record LintConfig(Optional<Path> source, List<String> allowKeys) {
  static final String FILE_NAME = ".pwk.yaml";

  private static final Set<String> TOP_KEYS = Set.of("lint");
  private static final Set<String> LINT_KEYS = Set.of("allowKeys");

  LintConfig {
    allowKeys = List.copyOf(allowKeys);
  }

  /** No file: nothing allowed beyond the built-in keys. */
  static LintConfig none() {
    return new LintConfig(Optional.empty(), List.of());
  }

  /**
   * The settings of {@code explicit} when given, else of the nearest {@value #FILE_NAME} from
   * {@code start} upwards.
   *
   * @throws UserException (exit 2) for a file that is missing, unreadable or malformed
   */
  static LintConfig load(Path explicit, Path start) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new UserException(explicit + ": config file not found", ExitCodes.USAGE);
      }
      return read(explicit);
    }
    return find(start).map(LintConfig::read).orElseGet(LintConfig::none);
  }

  /** The nearest {@value #FILE_NAME} in {@code start} or a directory above it. */
  static Optional<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static LintConfig read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (JacksonException e) {
      String why = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
      throw new UserException(file + ": not a valid pwk config file: " + why, ExitCodes.USAGE);
    } catch (IOException e) {
      throw new UserException(file + ": cannot read config file", ExitCodes.USAGE);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new LintConfig(Optional.of(file), List.of());
    }
    requireKeys(file, root, "", TOP_KEYS);
    JsonNode lint = root.path("lint");
    if (lint.isMissingNode() || lint.isNull()) {
      return new LintConfig(Optional.of(file), List.of());
    }
    requireKeys(file, lint, "lint.", LINT_KEYS);
    List<String> keys = new ArrayList<>();
    JsonNode allow = lint.path("allowKeys");
    if (!allow.isMissingNode() && !allow.isNull()) {
      if (!allow.isArray()) {
        throw invalid(file, "lint.allowKeys must be a list of keys");
      }
      for (JsonNode k : allow) {
        if (!k.isTextual() || k.textValue().isBlank()) {
          throw invalid(file, "lint.allowKeys must be a list of keys, got " + k);
        }
        keys.add(k.textValue());
      }
    }
    return new LintConfig(Optional.of(file), keys);
  }

  private static void requireKeys(Path file, JsonNode node, String prefix, Set<String> known) {
    if (!node.isObject()) {
      throw invalid(file, (prefix.isEmpty() ? "the file" : prefix + "..") + " must be a map");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw invalid(file, "unknown setting '" + prefix + key + "' (known: " + known + ")");
      }
    }
  }

  private static UserException invalid(Path file, String why) {
    return new UserException(file + ": " + why, ExitCodes.USAGE);
  }
}
