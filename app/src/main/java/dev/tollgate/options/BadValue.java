package dev.tollgate.options;

import picocli.CommandLine.TypeConversionException;

/**
 * A value that an option cannot take. Its message says why, as the words that follow the value
 * once {@link Sources} has named it: {@code is not a duration; …}, or {@code : port 99999 is …}.
 */
public final class BadValue extends TypeConversionException {

  private static final long serialVersionUID = 1L;

  public BadValue(String why) {
    super(why);
  }
}
