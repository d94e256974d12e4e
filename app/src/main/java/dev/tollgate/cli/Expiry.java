package dev.tollgate.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Expiry as the command line shows it: a token's status, and whether it expires soon. */
final class Expiry {

  /** Within this, a status says when the token expires, and a command warns of its credential. */
  static final Duration SOON = Duration.ofDays(7);

  private Expiry() {}

  /** {@code revoked}, {@code expired}, {@code expires in 3d 4h} (within a week) or {@code active}. */
  static String status(boolean revoked, Optional<Instant> expiresAt, Instant now) {
    if (revoked) {
      return "revoked";
    }
    if (expiresAt.isPresent()) {
      if (!now.isBefore(expiresAt.get())) {
        return "expired";
      }
      Duration left = Duration.between(now, expiresAt.get());
      if (left.compareTo(SOON) <= 0) {
        return "expires in " + inWords(left);
      }
    }
    return "active";
  }

  /**
   * For a status: {@code ", previous string until T"} while a rotated token's previous string
   * still works, else nothing.
   */
  static String previousString(boolean revoked, Optional<Instant> previousValidUntil,
      Instant now) {
    return !revoked && previousValidUntil.filter(now::isBefore).isPresent()
        ? ", previous string until " + Times.format(previousValidUntil.get()) : "";
  }

  /** Whether a token in use now stops working within {@code within}. */
  static boolean expiringWithin(boolean revoked, Optional<Instant> expiresAt, Instant now,
      Duration within) {
    return !revoked && expiresAt.isPresent() && now.isBefore(expiresAt.get())
        && !expiresAt.get().isAfter(now.plus(within));
  }

  /**
   * A time left in its two largest units, rounded down: {@code 2d 23h}, {@code 5h 12m},
   * {@code 3d} (a second unit of zero left out), {@code 12m}; never more than is left, and never
   * a whole unit less (2 d 23 h is not "2d").
   */
  static String inWords(Duration left) {
    if (left.toDays() >= 1) {
      return left.toDays() + "d" + (left.toHoursPart() > 0 ? " " + left.toHoursPart() + "h" : "");
    }
    if (left.toHours() >= 1) {
      return left.toHours() + "h"
          + (left.toMinutesPart() > 0 ? " " + left.toMinutesPart() + "m" : "");
    }
    return Math.max(1, left.toMinutes()) + "m";
  }
}
