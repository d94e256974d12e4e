package dev.tollgate.domain.model;

import java.util.Objects;

/** A person's note on what a token is for: at most 1024 characters, no control characters. */
public record Description(String value) {

  /** The longest description accepted, in characters. */
  public static final int MAX_LENGTH = 1024;

  /** No description. */
  public static final Description NONE = new Description("");

  public Description {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw new InvalidRequestException("description", UserInput.quote(value) + " is "
          + value.length() + " characters long; expected at most " + MAX_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidRequestException("description", UserInput.quote(value)
            + " contains the control character " + String.format("U+%04X", (int) c)
            + " at position " + (i + 1) + "; expected printable text on one line");
      }
    }
  }

  /** Reads a description, where {@code null} means none. */
  public static Description of(String value) {
    return value == null || value.isEmpty() ? NONE : new Description(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
