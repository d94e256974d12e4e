package dev.tollgate.domain.live;

import dev.tollgate.domain.model.FeedFollowing;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the store's change notifications can be relied on, which decides how often a follower
 * polls: slowly, as a safety net, while they flow; fast while the store offers none, while the
 * listening connection is down, or after a poll found changes that no notification announced.
 */
final class NotificationWatch {

  private FeedFollowing.Notifications state = FeedFollowing.Notifications.NOT_OFFERED;
  private boolean lostAnnouncements;
  private String why = "";
  private Instant since = Instant.MIN;

  synchronized void listening(Instant now) {
    change(FeedFollowing.Notifications.LISTENING, false, "", now);
  }

  synchronized void stopped(String reason, Instant now) {
    change(FeedFollowing.Notifications.LOST, false, reason, now);
  }

  /** A poll found {@code changes} new events although notifications were trusted. */
  synchronized void unannounced(int changes, Instant now) {
    if (state == FeedFollowing.Notifications.LISTENING) {
      change(FeedFollowing.Notifications.LOST, true, "a safety poll found " + changes
          + " change(s) that no notification announced", now);
    }
  }

  /** A notification arrived: when only announcements had gone missing, they flow again. */
  synchronized void announced(Instant now) {
    if (state == FeedFollowing.Notifications.LOST && lostAnnouncements) {
      change(FeedFollowing.Notifications.LISTENING, false, "", now);
    }
  }

  synchronized FeedFollowing.Notifications state() {
    return state;
  }

  /** How long the follower waits between polls now. */
  synchronized Duration pollInterval(FollowerSettings settings) {
    return state == FeedFollowing.Notifications.LISTENING ? settings.safetyPollInterval() : settings.pollInterval();
  }

  /** For people: whether notifications flow and how often the follower polls because of it. */
  synchronized String describe(FollowerSettings settings) {
    String polling = "polling every " + millis(pollInterval(settings));
    return switch (state) {
      case NOT_OFFERED -> "not offered by this store; " + polling;
      case LISTENING -> "listening; safety poll every " + millis(settings.safetyPollInterval());
      case LOST -> "lost since " + since + " (" + why + "); " + polling + " until they work again";
    };
  }

  synchronized Optional<Instant> lostSince() {
    return state == FeedFollowing.Notifications.LOST ? Optional.of(since) : Optional.empty();
  }

  private void change(FeedFollowing.Notifications next, boolean announcementsLost, String reason, Instant now) {
    if (next != state || announcementsLost != lostAnnouncements) {
      since = now;
    }
    state = next;
    lostAnnouncements = announcementsLost;
    why = reason;
  }

  private static String millis(Duration interval) {
    return interval.toMillis() + " ms";
  }
}
