package dev.tollgate.domain.model;

import java.time.Instant;

/** Whether a token may be used at a given instant. */
public enum TokenStatus {
  ACTIVE,
  EXPIRED,
  REVOKED;

  /** Stands for "never expires" in {@link #atMicros}. */
  public static final long NEVER = Long.MAX_VALUE;

  /**
   * The rule for every form a token is kept in: revoked wins over expired, and a token is
   * expired from the instant {@code expiresAt} on.
   *
   * @param revokedAt when the token was revoked, or null
   * @param expiresAt when the token expires, or null for never
   */
  public static TokenStatus at(Instant now, Instant revokedAt, Instant expiresAt) {
    return atMicros(micros(now), revokedAt != null,
        expiresAt == null ? NEVER : micros(expiresAt));
  }

  /**
   * The same rule on microseconds since the epoch, the precision tokens are kept at, for the
   * live index that keeps no {@link Instant} objects.
   *
   * @param expiresAtMicros when the token expires, or {@link #NEVER}
   */
  public static TokenStatus atMicros(long nowMicros, boolean revoked, long expiresAtMicros) {
    if (revoked) {
      return REVOKED;
    }
    return nowMicros >= expiresAtMicros ? EXPIRED : ACTIVE;
  }

  /** An instant as whole microseconds since the epoch, rounded down. */
  public static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
        instant.getNano() / 1_000);
  }
}
