package dev.tollgate.domain.service;

import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes tokens revoked longer ago than a given age ({@code --purge-revoked-after}), a batch per
 * change, so that revoked tokens do not pile up; their events stay as the audit trail.
 */
public final class RevokedTokenPurger {

  /** Tokens purged in one change. */
  static final int BATCH = 1_000;

  private final TokenRepository repository;
  private final Clock clock;

  RevokedTokenPurger(TokenRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Purges every token revoked more than {@code age} ago.
   *
   * @return how many were purged
   */
  public int purgeRevokedBefore(Duration age) {
    Instant now = clock.now();
    Instant before = now.minus(age);
    int purged = 0;
    List<TokenId> batch;
    do {
      batch = repository.purgeRevoked(before, now, BATCH);
      purged += batch.size();
    } while (batch.size() == BATCH);
    return purged;
  }
}
