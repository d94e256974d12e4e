package dev.tollgate.cli;

import com.google.protobuf.Timestamp;
import dev.tollgate.domain.model.TokenStatus;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.ManagementToken;
import java.time.Instant;
import java.util.Optional;

/**
 * The times of a token, of either kind, that its status is judged by ({@link Expiry#status}).
 *
 * @param previousValidUntil until when the token string it had before a rotation still works
 */
record TokenTimes(Optional<Instant> revokedAt, Optional<Instant> expiresAt,
    Optional<Instant> previousValidUntil) {

  /** A token in use that never expires. */
  static final TokenTimes NEVER_EXPIRES = new TokenTimes(Optional.empty(), Optional.empty(),
      Optional.empty());

  static TokenTimes of(ManagementToken token) {
    return new TokenTimes(
        instant(token.hasRevokedAt(), token.getRevokedAt()),
        instant(token.hasExpiresAt(), token.getExpiresAt()),
        instant(token.hasPreviousValidUntil(), token.getPreviousValidUntil()));
  }

  static TokenTimes of(DatabaseToken token) {
    return new TokenTimes(
        instant(token.hasRevokedAt(), token.getRevokedAt()),
        instant(token.hasExpiresAt(), token.getExpiresAt()),
        instant(token.hasPreviousValidUntil(), token.getPreviousValidUntil()));
  }

  /** Active, expired or revoked at {@code now}, by the domain's rule for every form of token. */
  TokenStatus statusAt(Instant now) {
    return TokenStatus.at(now, revokedAt.orElse(null), expiresAt.orElse(null));
  }

  /** The credential a command presents, of which the server told only its expiry. */
  static TokenTimes expiringAt(Instant expiresAt) {
    return new TokenTimes(Optional.empty(), Optional.of(expiresAt), Optional.empty());
  }

  private static Optional<Instant> instant(boolean isSet, Timestamp timestamp) {
    return isSet ? Optional.of(Protos.instant(timestamp)) : Optional.empty();
  }
}
