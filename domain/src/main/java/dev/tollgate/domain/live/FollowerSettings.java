package dev.tollgate.domain.live;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How a {@link ChangeFollower} paces itself.
 *
 * @param pollInterval how often to read the feed without being asked, while change
 *     notifications are not known to flow
 * @param safetyPollInterval how often to read it while notifications flow
 * @param maxBackoff the longest wait between rounds for lookups that keep finding nothing
 * @param missingRetention how long a missing sequence number is asked for again
 * @param maxWaiting lookups allowed to wait for a round; more are refused as unavailable
 * @param batchSize events read at most per read
 * @param trailingWindow events before the newest one re-read after loading, to catch late commits
 * @param missRounds where a round for lookups that missed runs, so that the thread that asked
 *     (a transport thread, say) never waits for the store; a direct executor runs it in place
 */
public record FollowerSettings(Duration pollInterval, Duration safetyPollInterval,
    Duration maxBackoff, Duration missingRetention, int maxWaiting, int batchSize,
    int trailingWindow, Executor missRounds) {

  public FollowerSettings {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive, not " + pollInterval);
    }
    if (safetyPollInterval.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException("the safety poll interval " + safetyPollInterval
          + " is shorter than the poll interval " + pollInterval);
    }
    if (maxBackoff.isNegative() || missingRetention.isNegative()) {
      throw new IllegalArgumentException("backoff and retention cannot be negative");
    }
    if (maxWaiting < 1 || batchSize < 1 || trailingWindow < 0) {
      throw new IllegalArgumentException("waiting and batch limits must be positive");
    }
    Objects.requireNonNull(missRounds, "missRounds");
  }

  /**
   * A server's pacing: poll every 200 ms (every 2 s while notifications flow), back off up to
   * 50 ms, 10,000 waiting lookups; rounds for misses run on the thread that missed until
   * {@link #withMissRounds} says otherwise.
   */
  public static FollowerSettings defaults() {
    return new FollowerSettings(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(50),
        Duration.ofSeconds(60), 10_000, 1_000, 1_000, Runnable::run);
  }

  /** No back-off: for an in-memory store that nobody ticks. */
  public static FollowerSettings immediate() {
    return defaults().withMaxBackoff(Duration.ZERO);
  }

  /** Polls every {@code interval} while notifications do not flow (and no less often else). */
  public FollowerSettings withPollInterval(Duration interval) {
    return new FollowerSettings(interval, interval.compareTo(safetyPollInterval) >= 0 ? interval : safetyPollInterval, maxBackoff,
        missingRetention, maxWaiting, batchSize, trailingWindow, missRounds);
  }

  public FollowerSettings withSafetyPollInterval(Duration interval) {
    return new FollowerSettings(pollInterval, interval, maxBackoff, missingRetention, maxWaiting,
        batchSize, trailingWindow, missRounds);
  }

  public FollowerSettings withMaxWaiting(int waiting) {
    return new FollowerSettings(pollInterval, safetyPollInterval, maxBackoff, missingRetention,
        waiting, batchSize, trailingWindow, missRounds);
  }

  public FollowerSettings withMaxBackoff(Duration backoff) {
    return new FollowerSettings(pollInterval, safetyPollInterval, backoff, missingRetention,
        maxWaiting, batchSize, trailingWindow, missRounds);
  }

  public FollowerSettings withMissRounds(Executor executor) {
    return new FollowerSettings(pollInterval, safetyPollInterval, maxBackoff, missingRetention,
        maxWaiting, batchSize, trailingWindow, executor);
  }
}
