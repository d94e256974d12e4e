package dev.tollgate.domain.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the next page of a token list starts: after this token in the lists' order, oldest first
 * (created at, then id). A token created while a client pages through is never listed twice and
 * never makes another one skipped; it is listed if it sorts after the cursor.
 *
 * <p>Clients see it as an opaque page token ({@link #encode()}); only this class reads it.
 */
public record PageCursor(Instant createdAt, TokenId id) {

  private static final String VERSION = "p1:";

  public PageCursor {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  /** The cursor just after {@code token}. */
  public static PageCursor after(Token token) {
    return new PageCursor(token.createdAt(), token.id());
  }

  /** Whether {@code token} comes after this cursor in the lists' order. */
  public boolean precedes(Token token) {
    int byTime = token.createdAt().compareTo(createdAt);
    return byTime > 0 || (byTime == 0 && token.id().compareTo(id) > 0);
  }

  /** The opaque page token a client passes back. */
  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        (VERSION + micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads a page token sent as request field {@code field}.
   *
   * @throws InvalidRequestException when it is not one {@link #encode()} made
   */
  public static PageCursor decode(String field, String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      if (text.startsWith(VERSION)) {
        String[] parts = text.substring(VERSION.length()).split(":", 2);
        if (parts.length == 2) {
          return new PageCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
              new TokenId(java.util.UUID.fromString(parts[1])));
        }
      }
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      // explained below
    }
    throw new InvalidRequestException(field, UserInput.quote(token) + " is not a page token"
        + " this server gave; pass next_page_token from the previous answer as it is");
  }
}
