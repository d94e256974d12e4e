package dev.tollgate.domain.service;

import dev.tollgate.domain.model.EventPage;
import dev.tollgate.domain.model.EventQuery;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.port.in.ListTokenEventsUseCase;
import dev.tollgate.domain.port.out.TokenEvents;

/** Reads the audit trail for the callers the caller table allows. */
final class ListTokenEventsService implements ListTokenEventsUseCase {

  private final TokenEvents events;

  ListTokenEventsService(TokenEvents events) {
    this.events = events;
  }

  @Override
  public EventPage list(Query query) {
    query.caller().require(OPERATION);
    if (query.since().isPresent() && query.until().isPresent()
        && !query.until().get().isAfter(query.since().get())) {
      throw new InvalidRequestException("until", query.until().get() + " is not after since "
          + query.since().get() + "; expected a time range that holds something");
    }
    int size = TokenPage.size("page_size", query.pageSize());
    return EventPage.of(events.find(new EventQuery(query.token(), query.since(), query.until(),
        query.after().orElse(0L), size + 1)), size);
  }
}
