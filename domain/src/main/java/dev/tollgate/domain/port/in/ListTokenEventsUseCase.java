package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.EventPage;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.TokenId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the audit trail a page at a time: when, who and what for every change to a token,
 * never a token string or hash.
 */
public interface ListTokenEventsUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.READ_TOKEN_EVENTS;

  /**
   * A page of events, oldest first.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not read them
   * @throws dev.tollgate.domain.model.InvalidRequestException when {@code until} is not after
   *     {@code since}, or the page size is out of range
   */
  EventPage list(Query query);

  /**
   * A request for a page of events.
   *
   * @param token only this token's events; empty for all
   * @param since only events at or after this time
   * @param until only events before this time
   * @param after where the page starts; empty for the first page
   * @param pageSize how many events at most; 0 for {@link dev.tollgate.domain.model.TokenPage#MAX_SIZE}
   */
  record Query(Caller caller, Optional<TokenId> token, Optional<Instant> since,
      Optional<Instant> until, Optional<Long> after, int pageSize) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(after, "after");
    }
  }
}
