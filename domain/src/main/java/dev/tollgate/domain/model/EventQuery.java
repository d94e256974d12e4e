package dev.tollgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events of the audit trail to read.
 *
 * @param token only this token's events; empty for every token's
 * @param since only events at or after this time
 * @param until only events before this time
 * @param afterSeq only events with a higher sequence number (where a page starts)
 * @param limit at most this many
 */
public record EventQuery(Optional<TokenId> token, Optional<Instant> since, Optional<Instant> until,
    long afterSeq, int limit) {

  public EventQuery {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (limit < 1) {
      throw new IllegalArgumentException("limit is " + limit + "; expected at least 1");
    }
  }

  /** Whether the event is one this query asks for (its sequence number aside). */
  public boolean matches(TokenEvent event) {
    return token.map(event.tokenId()::equals).orElse(true)
        && since.map(at -> !event.at().isBefore(at)).orElse(true)
        && until.map(event.at()::isBefore).orElse(true);
  }
}
