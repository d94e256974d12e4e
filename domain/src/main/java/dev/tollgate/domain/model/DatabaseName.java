package dev.tollgate.domain.model;

import java.util.Objects;

/**
 * The name of a database a token grants access to, or {@code *} for every database: 1 to 64
 * characters, no control characters, no whitespace at either end.
 */
public record DatabaseName(String value) implements Comparable<DatabaseName> {

  /** The longest database name accepted, in characters. */
  public static final int MAX_LENGTH = 64;

  /** Every database. */
  public static final DatabaseName ALL = new DatabaseName("*");

  public DatabaseName {
    Objects.requireNonNull(value, "value");
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidRequestException("database", problem);
    }
  }

  private static String problemWith(String value) {
    if (value.isEmpty()) {
      return "an empty database name is not allowed; expected 1 to " + MAX_LENGTH + " characters";
    }
    if (value.length() > MAX_LENGTH) {
      return "database name " + UserInput.quote(value) + " is " + value.length()
          + " characters long; expected at most " + MAX_LENGTH;
    }
    if (Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1))) {
      return "database name " + UserInput.quote(value)
          + " starts or ends with whitespace; expected the name without surrounding spaces";
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return "database name " + UserInput.quote(value)
            + " contains a control character; expected printable characters only";
      }
    }
    return null;
  }

  /** Tells whether this is the wildcard {@code *}. */
  public boolean isAll() {
    return "*".equals(value);
  }

  @Override
  public int compareTo(DatabaseName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
