package dev.tollgate.domain.model;

import java.util.Objects;
import java.util.UUID;

/** A token's public identifier, a UUID; safe to log and to show. */
public record TokenId(UUID value) implements Comparable<TokenId> {

  /** The id the bootstrap admin credential's events are recorded under; no token has it. */
  public static final TokenId BOOTSTRAP_ADMIN = new TokenId(new UUID(0, 0));

  /**
   * The id events about the whole store are recorded under (MIGRATED); no token has it, so a
   * replica reading such an event finds no token to apply and changes nothing.
   */
  public static final TokenId STORE = new TokenId(new UUID(0, 1));

  public TokenId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses the canonical UUID form sent as request field {@code field}.
   *
   * @throws InvalidRequestException naming the value when it is not a UUID
   */
  public static TokenId parse(String field, String text) {
    if (text == null || text.length() != 36) {
      throw notAnId(field, text);
    }
    try {
      return new TokenId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw notAnId(field, text);
    }
  }

  private static InvalidRequestException notAnId(String field, String text) {
    String shown = text == null || text.isEmpty() ? "an empty value" : UserInput.quote(text);
    return new InvalidRequestException(field, shown
        + " is not a token id; expected a UUID such as 4f5e1a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b");
  }

  @Override
  public int compareTo(TokenId other) {
    return value.toString().compareTo(other.value.toString());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
