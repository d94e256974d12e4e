package dev.tollgate.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a replica can say about how well it follows the store's change feed.
 *
 * @param appliedSeq the highest sequence number applied
 * @param missingSeqs sequence numbers seen skipped and still asked for
 * @param lastCaughtUpAt when the last round succeeded
 * @param lastFailure why the last round failed, if it did
 * @param reads reads of the feed, by what caused them
 * @param notifications whether change notifications flow
 * @param polling the same for people, with how often the replica polls because of it
 */
public record FeedFollowing(boolean loaded, int liveTokens, long appliedSeq, int missingSeqs,
    Optional<Instant> lastCaughtUpAt, Optional<String> lastFailure, int waiting,
    Map<Trigger, Long> reads, long failedRounds, Notifications notifications, String polling) {

  public FeedFollowing {
    Objects.requireNonNull(lastCaughtUpAt, "lastCaughtUpAt");
    Objects.requireNonNull(lastFailure, "lastFailure");
    reads = Map.copyOf(reads);
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(polling, "polling");
  }

  /** Why a round of reading the feed ran. */
  public enum Trigger {
    LOAD,
    MISS,
    NOTIFY,
    POLL,
    RECONCILE
  }

  /** Where the store's change notifications stand. */
  public enum Notifications {
    /** The store offers none: polling is the only way to learn of changes. */
    NOT_OFFERED,
    /** Every committed change is announced; polls are a slow safety net. */
    LISTENING,
    /** The listening connection is down, or announcements went missing: polls are fast. */
    LOST
  }

}
