package dev.tollgate.options;

import picocli.CommandLine.ITypeConverter;

/**
 * An option that is off unless set: blank text, as an empty environment variable gives it, is
 * off (null); anything else is read by the converter of the value.
 */
public class OffWhenBlank<T> implements ITypeConverter<T> {

  private final ITypeConverter<T> value;

  protected OffWhenBlank(ITypeConverter<T> value) {
    this.value = value;
  }

  @Override
  public final T convert(String text) throws Exception {
    return text.isBlank() ? null : value.convert(text);
  }
}
