package dev.tollgate.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A token as Tollgate keeps it: everything but the token string, of which only the hash is kept.
 * Instants are kept at microsecond precision, the precision every supported store keeps.
 *
 * @param version increases with every stored change; a store refuses a change made to an old one
 */
public record Token(
    TokenId id,
    TokenKind kind,
    Description description,
    String tokenPrefix,
    TokenHash hash,
    SortedSet<Permission> permissions,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt,
    Optional<String> revokedBy,
    Optional<Instant> lastUsedAt,
    long version,
    Optional<PreviousSecret> previous) {

  /**
   * The token string a rotation replaced, which keeps working until {@code validUntil} (never
   * past the token's own expiry or revocation).
   */
  public record PreviousSecret(TokenHash hash, Instant validUntil) {
    public PreviousSecret {
      Objects.requireNonNull(hash, "hash");
      validUntil = micros(validUntil);
    }
  }

  /** A token no rotation has touched. */
  public Token(TokenId id, TokenKind kind, Description description, String tokenPrefix,
      TokenHash hash, SortedSet<Permission> permissions, Instant createdAt, String createdBy,
      Instant updatedAt, Optional<Instant> expiresAt, Optional<Instant> revokedAt,
      Optional<String> revokedBy, Optional<Instant> lastUsedAt, long version) {
    this(id, kind, description, tokenPrefix, hash, permissions, createdAt, createdBy, updatedAt,
        expiresAt, revokedAt, revokedBy, lastUsedAt, version, Optional.empty());
  }

  public Token {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(tokenPrefix, "tokenPrefix");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(createdBy, "createdBy");
    permissions = Collections.unmodifiableSortedSet(new TreeSet<>(permissions));
    if (kind == TokenKind.MANAGEMENT && !permissions.isEmpty()) {
      throw new IllegalArgumentException("a management token grants no database permissions");
    }
    createdAt = micros(createdAt);
    updatedAt = micros(updatedAt);
    expiresAt = expiresAt.map(Token::micros);
    revokedAt = revokedAt.map(Token::micros);
    lastUsedAt = lastUsedAt.map(Token::micros);
    if (revokedAt.isPresent() != revokedBy.isPresent()) {
      throw new IllegalArgumentException("revoked at and revoked by are set together");
    }
  }

  /**
   * Describes a new token for a freshly generated token string.
   *
   * @throws InvalidRequestException when {@code expiresAt} is not in the future
   */
  public static Token issue(TokenId id, TokenString secret, Description description,
      Set<Permission> permissions, Optional<Instant> expiresAt, String createdBy, Instant now) {
    expiresAt.ifPresent(at -> {
      if (!at.isAfter(now)) {
        throw new InvalidRequestException("expires_at", at + " is in the past; expected a time"
            + " after now (" + now.truncatedTo(ChronoUnit.SECONDS) + ")");
      }
    });
    return new Token(id, secret.kind(), description, secret.displayPrefix(), secret.hash(),
        new TreeSet<>(permissions), now, createdBy, now, expiresAt, Optional.empty(),
        Optional.empty(), Optional.empty(), 0);
  }

  /** Revoked wins over expired; a token is expired from the instant {@code expiresAt} on. */
  public TokenStatus statusAt(Instant now) {
    return TokenStatus.at(now, revokedAt.orElse(null), expiresAt.orElse(null));
  }

  public boolean isRevoked() {
    return revokedAt.isPresent();
  }

  /** Revokes the token; revoking a revoked token returns it unchanged, keeping the first revocation. */
  public Token revoke(String by, Instant now) {
    if (isRevoked()) {
      return this;
    }
    return new Token(id, kind, description, tokenPrefix, hash, permissions, createdAt, createdBy,
        now, expiresAt, Optional.of(now), Optional.of(by), lastUsedAt, version, previous);
  }

  /**
   * Replaces the description and the whole permission set.
   *
   * @throws ConflictException when the token is revoked
   */
  public Token update(Description newDescription, Set<Permission> newPermissions, Instant now) {
    if (isRevoked()) {
      throw new ConflictException("token " + id + " was revoked at " + revokedAt.get()
          + "; a revoked token cannot be updated");
    }
    return new Token(id, kind, newDescription, tokenPrefix, hash, new TreeSet<>(newPermissions),
        createdAt, createdBy, now, expiresAt, revokedAt, revokedBy, lastUsedAt, version, previous);
  }

  /**
   * Gives the token a new token string; the one it had keeps working until {@code now + overlap}
   * (it stops at once with no overlap).
   *
   * @throws ConflictException when the token is revoked or expired, or a previous string of an
   *     earlier rotation still works (one overlap at a time, so every replica forgets a replaced
   *     string the same way)
   */
  public Token rotate(TokenString secret, Duration overlap, Instant now) {
    if (isRevoked()) {
      throw new ConflictException("token " + id + " was revoked at " + revokedAt.get()
          + "; a revoked token cannot be rotated");
    }
    if (statusAt(now) == TokenStatus.EXPIRED) {
      throw new ConflictException("token " + id + " expired at " + expiresAt.get()
          + "; an expired token cannot be rotated; create a new one");
    }
    Optional<Instant> overlapping = previousValidUntil(now);
    if (overlapping.isPresent()) {
      throw new ConflictException("token " + id + " was rotated with an overlap: its previous"
          + " token string works until " + overlapping.get() + "; rotate it again after that");
    }
    if (secret.kind() != kind) {
      throw new IllegalArgumentException("a " + kind + " token needs a " + kind + " token string");
    }
    return new Token(id, kind, description, secret.displayPrefix(), secret.hash(), permissions,
        createdAt, createdBy, now, expiresAt, revokedAt, revokedBy, lastUsedAt, version,
        Optional.of(new PreviousSecret(hash, now.plus(overlap))));
  }

  /** When the previous token string stops working, if one still works at {@code now}. */
  public Optional<Instant> previousValidUntil(Instant now) {
    return previous.map(PreviousSecret::validUntil).filter(now::isBefore);
  }

  /** The same token last used at {@code at}, unless it was last used later; the version stays. */
  public Token usedAt(Instant at) {
    if (lastUsedAt.isPresent() && !lastUsedAt.get().isBefore(at)) {
      return this;
    }
    return new Token(id, kind, description, tokenPrefix, hash, permissions, createdAt, createdBy,
        updatedAt, expiresAt, revokedAt, revokedBy, Optional.of(at), version, previous);
  }

  /** What decides this token's use, as a replica keeps it. */
  public Access access() {
    return new Access(id, kind, hash, version, expiresAt, revokedAt, permissions, previous);
  }

  /**
   * What decides whether a stored token may be used and for what, and nothing else: what a
   * replica loads and follows, so that loading a million tokens reads no descriptions or names.
   */
  public record Access(TokenId id, TokenKind kind, TokenHash hash, long version,
      Optional<Instant> expiresAt, Optional<Instant> revokedAt, Set<Permission> permissions,
      Optional<PreviousSecret> previous) {

    /** The access of a token no rotation has touched. */
    public Access(TokenId id, TokenKind kind, TokenHash hash, long version,
        Optional<Instant> expiresAt, Optional<Instant> revokedAt, Set<Permission> permissions) {
      this(id, kind, hash, version, expiresAt, revokedAt, permissions, Optional.empty());
    }

    public Access {
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(revokedAt, "revokedAt");
      permissions = Set.copyOf(permissions);
    }
  }

  /** The same token as stored under the given version. */
  public Token atVersion(long storedVersion) {
    return new Token(id, kind, description, tokenPrefix, hash, permissions, createdAt, createdBy,
        updatedAt, expiresAt, revokedAt, revokedBy, lastUsedAt, storedVersion, previous);
  }

  private static Instant micros(Instant instant) {
    return Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.MICROS);
  }
}
