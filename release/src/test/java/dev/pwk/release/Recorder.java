package dev.pwk.release;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A listener that keeps every line, and can run a hook when a line is reported. */
final class Recorder implements ReleaseListener {
  final List<String> infos = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final List<String> progress = new ArrayList<>();
  private Consumer<String> hook = line -> {};

  /** Runs {@code action} on every info line; used to interleave a second operation. */
  Recorder onInfo(Consumer<String> action) {
    this.hook = action;
    return this;
  }

  @Override
  public void info(String message) {
    infos.add(message);
    hook.accept(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void progress(String message) {
    progress.add(message);
  }

  /** Everything reported, in no particular order, for leak checks. */
  String all() {
    return String.join("\n", infos)
        + "\n"
        + String.join("\n", warnings)
        + "\n"
        + String.join("\n", progress);
  }
}
