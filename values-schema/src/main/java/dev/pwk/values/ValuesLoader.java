package dev.pwk.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads values the way Helm does: the chart defaults, then each {@code -f} file in order, then
 * {@code --set-json}, {@code --set}, {@code --set-string}, {@code --set-file} and {@code
 * --set-literal}. Maps merge deeply, lists and scalars replace, and a user {@code null} deletes a
 * defaulted key. A file named {@code -} is read from standard input. Thread-safe; create one and
 * reuse it.
 *
 * <p>Known differences from Helm: values files and {@code --set-file} content must be UTF-8 (Helm
 * also reads UTF-16 with a byte-order mark); a values file with several YAML documents is rejected
 * (Helm merges them in order); {@code --set-literal} takes no list indexes; URLs are not accepted
 * as {@code -f} arguments.
 */
public final class ValuesLoader {

  /** Largest values file or {@code --set-file} payload accepted, in bytes. */
  public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

  private static final String STDIN = "-";

  /** Built on first use: only {@code --set-json} needs it, and it costs start-up time. */
  private static final class StrictJson {
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static volatile YamlFileReader.Parsed defaults;

  private ValuesLoader() {}

  /** A loader over the bundled chart defaults. */
  public static ValuesLoader create() {
    return new ValuesLoader();
  }

  /** Loads and merges the inputs over the chart defaults. */
  public LoadedValues load(ValueInputs inputs) throws ValuesException {
    User user = readUser(inputs);
    YamlFileReader.Parsed d = defaults();
    ObjectNode merged = user.tree.deepCopy();
    List<Finding> warnings = ValueMerger.coalesce(merged, d.tree(), user.origins);
    Origins origins = new Origins();
    origins.values.putAll(d.origins().values);
    origins.keys.putAll(d.origins().keys);
    origins.values.putAll(user.origins.values);
    origins.keys.putAll(user.origins.keys);
    // A user value without a key position (a flag, a list item) replaces the default's key too.
    for (String pointer : user.origins.values.keySet()) {
      if (!user.origins.keys.containsKey(pointer)) {
        origins.keys.remove(pointer);
      }
    }
    return new LoadedValues(
        merged, user.tree, origins.values, origins.keys, user.sources, warnings);
  }

  /** Loads and merges the inputs without the chart defaults (for linting overlay files). */
  public LoadedValues loadWithoutDefaults(ValueInputs inputs) throws ValuesException {
    User user = readUser(inputs);
    return new LoadedValues(
        user.tree, user.tree, user.origins.values, user.origins.keys, user.sources, List.of());
  }

  private static YamlFileReader.Parsed defaults() {
    YamlFileReader.Parsed d = defaults;
    if (d == null) {
      try {
        d =
            YamlFileReader.readText(
                ValuesContract.DEFAULTS_NAME,
                ValuesContract.defaultValuesYaml(),
                Origin.Kind.DEFAULTS);
      } catch (ValuesException e) {
        throw new IllegalStateException("bundled values.yaml is invalid: " + e.getMessage(), e);
      }
      defaults = d;
    }
    return d;
  }

  private record User(ObjectNode tree, Origins origins, List<SourceText> sources) {}

  private User readUser(ValueInputs inputs) throws ValuesException {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    Origins origins = new Origins();
    List<SourceText> sources = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();
    for (Path file : inputs.files()) {
      try {
        String name = file.toString();
        YamlFileReader.Parsed parsed =
            YamlFileReader.read(name, readBytes(file, name), Origin.Kind.FILE);
        sources.add(parsed.text());
        ValueMerger.mergeFile(tree, origins, parsed.tree(), parsed.origins(), "");
      } catch (ValuesException e) {
        problems.addAll(e.problems());
      }
    }
    applyFlags(inputs.setJson(), Origin.Kind.SET_JSON, tree, origins, sources, problems);
    applyFlags(inputs.set(), Origin.Kind.SET, tree, origins, sources, problems);
    applyFlags(inputs.setString(), Origin.Kind.SET_STRING, tree, origins, sources, problems);
    applyFlags(inputs.setFile(), Origin.Kind.SET_FILE, tree, origins, sources, problems);
    applyFlags(inputs.setLiteral(), Origin.Kind.SET_LITERAL, tree, origins, sources, problems);
    if (!problems.isEmpty()) {
      throw new ValuesException(problems);
    }
    return new User(tree, origins, sources);
  }

  private static void applyFlags(
      List<String> arguments,
      Origin.Kind kind,
      ObjectNode tree,
      Origins origins,
      List<SourceText> sources,
      List<Finding> problems) {
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (kind == Origin.Kind.SET_JSON && argument.strip().startsWith("{")) {
        mergeJsonObject(argument, i + 1, tree, origins, problems);
        continue;
      }
      try {
        SetArgumentParser.parse(
            argument,
            kind,
            i + 1,
            tree,
            origins,
            path -> {
              byte[] bytes = readBytes(Path.of(path), path);
              String text = YamlFileReader.decode(path, bytes);
              sources.add(new SourceText(path, text));
              return text;
            });
      } catch (SetArgumentParser.SetSyntaxException e) {
        problems.add(
            InputFindings.error(
                kind == Origin.Kind.SET_JSON ? "input.set-json-syntax" : "input.set-syntax",
                kind.flag(),
                -1,
                e.column,
                kind.flag() + " #" + (i + 1) + " '" + argument + "': " + e.getMessage()));
      } catch (ValuesException e) {
        problems.addAll(e.problems());
      }
    }
  }

  /**
   * Helm 4 takes a {@code --set-json} argument that is a whole JSON object and merges it like a
   * values file.
   */
  private static void mergeJsonObject(
      String argument, int index, ObjectNode tree, Origins origins, List<Finding> problems) {
    Origin.Kind kind = Origin.Kind.SET_JSON;
    try {
      // The argument starts with '{', so it parses to an object or not at all.
      ObjectNode object = (ObjectNode) StrictJson.MAPPER.readTree(argument.strip());
      Origins jsonOrigins = new Origins();
      jsonOrigins.subtree(object, "", Origin.ofFlag(kind, argument, index, 1));
      ValueMerger.mergeFile(tree, origins, object, jsonOrigins, "");
    } catch (JsonProcessingException e) {
      problems.add(
          InputFindings.error(
              "input.set-json-syntax",
              kind.flag(),
              -1,
              -1,
              kind.flag()
                  + " #"
                  + index
                  + " '"
                  + argument
                  + "': invalid JSON object: "
                  + e.getOriginalMessage().lines().findFirst().orElse("")));
    }
  }

  private static byte[] readBytes(Path file, String name) throws ValuesException {
    try {
      if (name.equals(STDIN)) {
        return limited(System.in, name);
      }
      if (Files.isDirectory(file)) {
        throw new ValuesException(
            InputFindings.error("input.unreadable", name, -1, -1, "is a directory, not a file"));
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw tooLarge(name);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return limited(in, name);
      }
    } catch (NoSuchFileException e) {
      throw new ValuesException(
          InputFindings.error("input.not-found", name, -1, -1, "file not found"));
    } catch (AccessDeniedException e) {
      throw new ValuesException(
          InputFindings.error("input.unreadable", name, -1, -1, "permission denied"));
    } catch (IOException e) {
      throw new ValuesException(
          InputFindings.error(
              "input.unreadable", name, -1, -1, "cannot read file: " + e.getMessage()));
    }
  }

  private static byte[] limited(InputStream in, String name) throws IOException, ValuesException {
    byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    if (bytes.length > MAX_FILE_BYTES) {
      throw tooLarge(name);
    }
    return bytes;
  }

  private static ValuesException tooLarge(String name) {
    return new ValuesException(
        InputFindings.error(
            "input.too-large",
            name,
            -1,
            -1,
            "file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB"));
  }
}
