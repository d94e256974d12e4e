package dev.tollgate.domain.model;

import java.util.Objects;

/**
 * A secret token string. It is handed out once at creation and otherwise only hashed; it never
 * appears in {@link #toString()}.
 */
public record TokenString(TokenKind kind, String value) {

  public TokenString {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /** The first nine characters, which people use to recognise a token in a list. */
  public String displayPrefix() {
    return value.substring(0, TokenFormat.DISPLAY_PREFIX_LENGTH);
  }

  /** The hash under which this token is stored. */
  public TokenHash hash() {
    return TokenHash.sha512(value);
  }

  @Override
  public String toString() {
    return "TokenString[" + kind + ", " + displayPrefix() + "…]";
  }
}
