package dev.pwk.values;

/**
 * Loads values the way Helm does: the chart defaults, then each {@code -f} file in order, then
 * {@code --set-json}, {@code --set}, {@code --set-string}, {@code --set-file} and {@code
 * --set-literal}. Maps merge deeply, lists and scalars replace, and a user {@code null} deletes a
 * defaulted key. Thread-safe; create one and reuse it.
 */
public final class ValuesLoader {

  /** Largest values file accepted, in bytes. */
  public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

  private ValuesLoader() {}

  /** A loader over the bundled chart defaults. */
  public static ValuesLoader create() {
    return new ValuesLoader();
  }

  /** Loads and merges the inputs over the chart defaults. */
  public LoadedValues load(ValueInputs inputs) throws ValuesException {
    throw new UnsupportedOperationException("not yet");
  }

  /** Loads and merges the inputs without the chart defaults (for linting overlay files). */
  public LoadedValues loadWithoutDefaults(ValueInputs inputs) throws ValuesException {
    throw new UnsupportedOperationException("not yet");
  }
}
