package dev.pwk.values;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's value sources, as given on a Helm-style command line. Helm applies them by category,
 * not by position: files in order, then every {@code --set-json}, {@code --set}, {@code
 * --set-string}, {@code --set-file} and {@code --set-literal}.
 *
 * @param files values files ({@code -f}), applied in order
 * @param setJson {@code --set-json} arguments
 * @param set {@code --set} arguments
 * @param setString {@code --set-string} arguments
 * @param setFile {@code --set-file} arguments ({@code key=path})
 * @param setLiteral {@code --set-literal} arguments
 */
public record ValueInputs(
    List<Path> files,
    List<String> setJson,
    List<String> set,
    List<String> setString,
    List<String> setFile,
    List<String> setLiteral) {

  public ValueInputs {
    files = List.copyOf(files);
    setJson = List.copyOf(setJson);
    set = List.copyOf(set);
    setString = List.copyOf(setString);
    setFile = List.copyOf(setFile);
    setLiteral = List.copyOf(setLiteral);
  }

  /** No user values at all: the chart defaults alone. */
  public static ValueInputs none() {
    return builder().build();
  }

  /** Only the given values files. */
  public static ValueInputs ofFiles(Path... files) {
    Builder b = builder();
    for (Path f : files) {
      b.file(f);
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when no source was given. */
  public boolean isEmpty() {
    return files.isEmpty()
        && setJson.isEmpty()
        && set.isEmpty()
        && setString.isEmpty()
        && setFile.isEmpty()
        && setLiteral.isEmpty();
  }

  /** Collects value sources in any order. */
  public static final class Builder {
    private final List<Path> files = new ArrayList<>();
    private final List<String> setJson = new ArrayList<>();
    private final List<String> set = new ArrayList<>();
    private final List<String> setString = new ArrayList<>();
    private final List<String> setFile = new ArrayList<>();
    private final List<String> setLiteral = new ArrayList<>();

    private Builder() {}

    public Builder file(Path file) {
      files.add(file);
      return this;
    }

    public Builder files(List<Path> paths) {
      files.addAll(paths);
      return this;
    }

    public Builder setJson(String argument) {
      setJson.add(argument);
      return this;
    }

    public Builder set(String argument) {
      set.add(argument);
      return this;
    }

    public Builder setString(String argument) {
      setString.add(argument);
      return this;
    }

    public Builder setFile(String argument) {
      setFile.add(argument);
      return this;
    }

    public Builder setLiteral(String argument) {
      setLiteral.add(argument);
      return this;
    }

    public ValueInputs build() {
      return new ValueInputs(files, setJson, set, setString, setFile, setLiteral);
    }
  }
}
