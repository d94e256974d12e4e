package dev.tollgate.domain.live;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far a follower has read the change feed: every sequence number up to {@link #highest()}
 * except the missing ones. A number is missing when a higher one was read first; it is most
 * likely a transaction that took its number earlier but commits later, so it is asked for again
 * on every read until it appears or has been missing for too long. Not thread-safe: only the
 * round in progress touches it.
 */
final class FeedPosition {

  private final TreeMap<Long, Instant> missing = new TreeMap<>();
  private final int maxMissing;
  private long highest;

  FeedPosition(long start, int maxMissing) {
    this.highest = start;
    this.maxMissing = maxMissing;
  }

  long highest() {
    return highest;
  }

  /** The numbers to ask for again. */
  Set<Long> missing() {
    return Set.copyOf(missing.keySet());
  }

  /**
   * Notes the sequence numbers of one read, in ascending order.
   *
   * @return how many of them lay above the highest number read before
   */
  int note(List<Long> seqs, Instant now) {
    int above = 0;
    for (long seq : seqs) {
      if (seq <= highest) {
        missing.remove(seq);
        continue;
      }
      long firstMissing = Math.max(highest + 1, seq - maxMissing);
      for (long s = firstMissing; s < seq; s++) {
        missing.put(s, now);
      }
      highest = seq;
      above++;
    }
    while (missing.size() > maxMissing) {
      missing.pollFirstEntry();
    }
    return above;
  }

  /**
   * Stops asking for numbers that have been missing since before {@code cutoff}: a transaction
   * that rolled back or died leaves its number unused for good.
   */
  void giveUpOnMissingSince(Instant cutoff) {
    missing.values().removeIf(since -> since.isBefore(cutoff));
  }
}
