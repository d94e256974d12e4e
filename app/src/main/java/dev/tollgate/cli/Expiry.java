package dev.tollgate.cli;

import dev.tollgate.domain.model.TokenStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Expiry as the command line shows it: a token's status, and whether it expires soon. */
final class Expiry {

  /** Within this, a status says when the token expires, and a command warns of its credential. */
  static final Duration SOON = Duration.ofDays(7);

  private Expiry() {}

  /**
   * The STATUS of a token of either kind, judged by {@link TokenStatus}, the domain's rule:
   * {@code revoked}, {@code expired}, {@code expires in 3d} (within a week) or {@code active};
   * a token in use whose previous string still works adds {@code , previous string until T}
   * (which the token's expiry ends too, as in the live index).
   */
  static String status(TokenTimes token, Instant now) {
    TokenStatus status = token.statusAt(now);
    if (status != TokenStatus.ACTIVE) {
      return status.name().toLowerCase(Locale.ROOT);
    }
    String active = token.expiresAt().map(at -> Duration.between(now, at))
        .filter(left -> left.compareTo(SOON) <= 0)
        .map(left -> "expires in " + inWords(left)).orElse("active");
    return active + token.previousValidUntil()
        .map(until -> token.expiresAt().filter(until::isAfter).orElse(until))
        .filter(now::isBefore)
        .map(until -> ", previous string until " + Times.format(until)).orElse("");
  }

  /** Whether a token in use now stops working within {@code within}. */
  static boolean expiringWithin(TokenTimes token, Instant now, Duration within) {
    return token.statusAt(now) == TokenStatus.ACTIVE
        && token.expiresAt().filter(at -> !at.isAfter(now.plus(within))).isPresent();
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
