package dev.pwk.cli;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.PicocliException;

/**
 * Binds an option or parameter of a {@code CommandModels} model to a field of its command, as
 * picocli binds an annotated field: it reads and writes the field, and the field's value when the
 * model is built is the argument's initial value.
 */
final class FieldBinding implements IGetter, ISetter {
  private final Object owner;
  private final Field field;

  private FieldBinding(Object owner, Field field) {
    this.owner = owner;
    this.field = field;
  }

  /** {@code option} bound to the field {@code name} of {@code owner}. */
  static OptionSpec.Builder bind(OptionSpec.Builder option, Object owner, String name) {
    FieldBinding binding = of(owner, name);
    return option.getter(binding).setter(binding).initialValue(binding.get()).hasInitialValue(true);
  }

  /** {@code parameter} bound to the field {@code name} of {@code owner}. */
  static PositionalParamSpec.Builder bind(
      PositionalParamSpec.Builder parameter, Object owner, String name) {
    FieldBinding binding = of(owner, name);
    return parameter
        .getter(binding)
        .setter(binding)
        .initialValue(binding.get())
        .hasInitialValue(true);
  }

  private static FieldBinding of(Object owner, String name) {
    try {
      return new FieldBinding(owner, owner.getClass().getDeclaredField(name));
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(owner.getClass().getName() + " has no field " + name, e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get() {
    try {
      return (T) field.get(owner);
    } catch (IllegalAccessException e) {
      throw new PicocliException("cannot read " + field, e);
    }
  }

  @Override
  public <T> T set(T value) {
    T old = get();
    try {
      field.set(owner, value);
    } catch (IllegalAccessException e) {
      throw new PicocliException("cannot write " + field, e);
    }
    return old;
  }
}
