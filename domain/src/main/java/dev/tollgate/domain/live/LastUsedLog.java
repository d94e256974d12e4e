package dev.tollgate.domain.live;

import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When tokens were last used, noted in memory on the request path and written to the store in
 * batches: at most one write per token per {@link #RESOLUTION} per replica, never on the request
 * path.
 */
public final class LastUsedLog {

  /** A use is noted at most once per token in this time. */
  public static final Duration RESOLUTION = Duration.ofMinutes(1);
  private static final long RESOLUTION_MILLIS = RESOLUTION.toMillis();

  private final ConcurrentHashMap<TokenId, Instant> unwritten = new ConcurrentHashMap<>();
  private final TokenRepository repository;

  public LastUsedLog(TokenRepository repository) {
    this.repository = repository;
  }

  /** Notes that the token was used now; costs one read of a field unless a minute has passed. */
  public void noteUse(LiveToken token, Instant now) {
    long millis = now.toEpochMilli();
    if (millis - token.lastUseNotedMillis < RESOLUTION_MILLIS
        || token.holder() == LiveToken.Holder.BOOTSTRAP_ADMIN) {
      return;
    }
    token.lastUseNotedMillis = millis;
    unwritten.merge(token.id().orElseThrow(), now, LastUsedLog::later);
  }

  /** The token with the use noted here and not written yet, when that is later than its own. */
  public Token withUnwritten(Token token) {
    Instant unwrittenAt = unwritten.get(token.id());
    return unwrittenAt == null ? token : token.usedAt(unwrittenAt);
  }

  /**
   * Writes every use noted since the last flush in one batch; when the store fails they are kept
   * for the next flush and the failure is thrown.
   *
   * @return how many tokens were written
   */
  public int flush() {
    Map<TokenId, Instant> batch = new HashMap<>();
    for (TokenId id : unwritten.keySet()) {
      Instant at = unwritten.remove(id);
      if (at != null) {
        batch.put(id, at);
      }
    }
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      repository.recordLastUsed(batch);
    } catch (RuntimeException e) {
      batch.forEach((id, at) -> unwritten.merge(id, at, LastUsedLog::later));
      throw e;
    }
    return batch.size();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
