package dev.tollgate.domain.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the audit log and change feed, written in the same transaction as the change.
 *
 * @param detail a short note for people, e.g. the kind of a created token; never a secret
 */
public record TokenEvent(Instant at, TokenId tokenId, Type type, String actor, String detail) {

  /** What happened to the token. */
  public enum Type {
    CREATED,
    UPDATED,
    REVOKED,
    /** Deleted long after its revocation ({@code --purge-revoked-after}); its events remain. */
    PURGED
  }

  /** Who purges revoked tokens: the server itself. */
  public static final String PURGER = "tollgate:purge-revoked";

  public TokenEvent {
    at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(detail, "detail");
  }

  public static TokenEvent created(Token token) {
    return new TokenEvent(token.createdAt(), token.id(), Type.CREATED, token.createdBy(),
        token.kind().name().toLowerCase(Locale.ROOT) + " token");
  }

  public static TokenEvent revoked(Token token) {
    return new TokenEvent(token.revokedAt().orElseThrow(), token.id(), Type.REVOKED,
        token.revokedBy().orElseThrow(), "");
  }

  public static TokenEvent purged(TokenId id, Instant at, Instant revokedBefore) {
    return new TokenEvent(at, id, Type.PURGED, PURGER, "revoked before " + revokedBefore);
  }

  public static TokenEvent updated(Token token, String by, String detail) {
    return new TokenEvent(token.updatedAt(), token.id(), Type.UPDATED, by, detail);
  }
}
