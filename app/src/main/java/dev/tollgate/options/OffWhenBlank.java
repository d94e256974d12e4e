package dev.tollgate.options;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * An option that can be off: the word {@code off} (in any case), or blank text as an empty
 * environment variable gives it, is off (null); anything else is read by the converter of the
 * value. So an option that is on by default is turned off the way every other one is left off.
 */
public class OffWhenBlank<T> implements ITypeConverter<T> {

  /** The word that turns an option off. */
  public static final String OFF = "off";

  private final ITypeConverter<T> value;

  protected OffWhenBlank(ITypeConverter<T> value) {
    this.value = value;
  }

  @Override
  public final T convert(String text) throws Exception {
    return text.isBlank() || text.strip().toLowerCase(Locale.ROOT).equals(OFF) ? null
        : value.convert(text);
  }
}
