package dev.tollgate.domain.model;

import java.time.Instant;

/** Whether a token may be used at a given instant. */
public enum TokenStatus {
  ACTIVE,
  EXPIRED,
  REVOKED;

  /**
   * The rule for every form a token is kept in: revoked wins over expired, and a token is
   * expired from the instant {@code expiresAt} on.
   *
   * @param revokedAt when the token was revoked, or null
   * @param expiresAt when the token expires, or null for never
   */
  public static TokenStatus at(Instant now, Instant revokedAt, Instant expiresAt) {
    if (revokedAt != null) {
      return REVOKED;
    }
    return expiresAt != null && !now.isBefore(expiresAt) ? EXPIRED : ACTIVE;
  }
}
