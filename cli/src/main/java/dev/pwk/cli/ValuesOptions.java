package dev.pwk.cli;

import dev.pwk.values.ValueInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Helm's value flags, shared by every command that reads values. */
@Command(addMethodSubcommands = false)
final class ValuesOptions {

  @Option(
      names = {"-f", "--values"},
      paramLabel = "FILE",
      split = ",",
      description = "Values file (repeatable; applied in order; '-' reads standard input).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VAL",
      description = "Set values (a.b=c, lists {a,b}, indexes a[0]=x; typed like Helm).")
  List<String> set = new ArrayList<>();

  @Option(names = "--set-string", paramLabel = "KEY=VAL", description = "Set string values.")
  List<String> setString = new ArrayList<>();

  @Option(names = "--set-json", paramLabel = "KEY=JSON", description = "Set JSON values.")
  List<String> setJson = new ArrayList<>();

  @Option(
      names = "--set-file",
      paramLabel = "KEY=PATH",
      description = "Set a value to the content of a file.")
  List<String> setFile = new ArrayList<>();

  @Option(
      names = "--set-literal",
      paramLabel = "KEY=VAL",
      description = "Set a literal string value (no commas or escapes parsed).")
  List<String> setLiteral = new ArrayList<>();

  /** The inputs, with {@code extraFiles} applied after the {@code -f} files. */
  ValueInputs inputs(List<Path> extraFiles) {
    ValueInputs.Builder b = ValueInputs.builder().files(files).files(extraFiles);
    setJson.forEach(b::setJson);
    set.forEach(b::set);
    setString.forEach(b::setString);
    setFile.forEach(b::setFile);
    setLiteral.forEach(b::setLiteral);
    return b.build();
  }

  ValueInputs inputs() {
    return inputs(List.of());
  }

  /** True when any --set style flag was given. */
  boolean hasFlags() {
    return !(set.isEmpty()
        && setString.isEmpty()
        && setJson.isEmpty()
        && setFile.isEmpty()
        && setLiteral.isEmpty());
  }
}
