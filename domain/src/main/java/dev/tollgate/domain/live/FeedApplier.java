package dev.tollgate.domain.live;

import dev.tollgate.domain.model.FeedFollowing.Trigger;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.port.out.TokenEvents;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a round of the {@link ChangeFollower} does: reads what is new in the change feed, and what
 * was missing before, batch by batch, and applies it to the index, keeping the feed position so
 * that a late-committing lower sequence is not lost. The follower decides when rounds run; this
 * changes with the feed and what it carries. Used by one round at a time.
 */
final class FeedApplier {

  private static final int MAX_MISSING = 10_000;

  /** What a round did: changes applied to the index, and sequences newly seen. */
  record Round(int applied, int found) {}

  private final TokenEvents feed;
  private final LiveTokenIndex index;
  private final FollowerSettings settings;
  private final Map<Trigger, AtomicLong> reads = new EnumMap<>(Trigger.class);

  // touched only by the round in progress, whose start and end synchronize on the follower
  private FeedPosition position = new FeedPosition(0, MAX_MISSING);

  private volatile long appliedSeq;
  private volatile int missingSeqs;

  FeedApplier(TokenEvents feed, LiveTokenIndex index, FollowerSettings settings) {
    this.feed = feed;
    this.index = index;
    this.settings = settings;
    for (Trigger trigger : Trigger.values()) {
      reads.put(trigger, new AtomicLong());
    }
  }

  /** After a load that saw the feed up to {@code latest}: re-reads a trailing window of it. */
  void startAt(long latest) {
    position = new FeedPosition(Math.max(0, latest - settings.trailingWindow()), MAX_MISSING);
  }

  Round readAndApply(Trigger trigger, Instant startedAt) {
    int applied = 0;
    int found = 0;
    int above;
    do {
      TokenEvents.Changes changes =
          feed.changesAfter(position.highest(), position.missing(), settings.batchSize());
      reads.get(trigger).incrementAndGet();
      for (Token.Access token : changes.tokens()) {
        applied += index.apply(token) ? 1 : 0;
      }
      applied += index.removeAll(changes.gone());
      if (changes.bootstrapAdmin().isPresent()
          && index.setBootstrapAdmin(changes.bootstrapAdmin().get())) {
        applied++;
      }
      int missingBefore = position.missing().size();
      above = position.note(changes.seqs(), startedAt);
      found += above + Math.max(0, missingBefore - position.missing().size());
    } while (above >= settings.batchSize());
    position.giveUpOnMissingSince(startedAt.minus(settings.missingRetention()));
    appliedSeq = position.highest();
    missingSeqs = position.missing().size();
    return new Round(applied, found);
  }

  long appliedSeq() {
    return appliedSeq;
  }

  int missingSeqs() {
    return missingSeqs;
  }

  /** Reads of the feed so far, by what started the round. */
  Map<Trigger, Long> readCounts() {
    Map<Trigger, Long> counts = new EnumMap<>(Trigger.class);
    reads.forEach((trigger, count) -> counts.put(trigger, count.get()));
    return counts;
  }
}
