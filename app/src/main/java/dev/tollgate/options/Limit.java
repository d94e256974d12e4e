package dev.tollgate.options;

import picocli.CommandLine.ITypeConverter;

/** A limit: a whole number of at least 1, such as 1000. */
public final class Limit implements ITypeConverter<Integer> {

  @Override
  public Integer convert(String text) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    throw new BadValue("is not a limit; expected a whole number of at least 1, such as 1000");
  }
}
