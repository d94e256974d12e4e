package dev.tollgate.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of the audit trail, in the order the events happened.
 *
 * @param next the sequence number the next page starts after; empty on the last page
 */
public record EventPage(List<RecordedTokenEvent> events, Optional<Long> next) {

  public EventPage {
    events = List.copyOf(events);
    Objects.requireNonNull(next, "next");
  }

  /** A page of {@code size} from {@code fetched}, which holds one more event when more follow. */
  public static EventPage of(List<RecordedTokenEvent> fetched, int size) {
    if (fetched.size() <= size) {
      return new EventPage(fetched, Optional.empty());
    }
    List<RecordedTokenEvent> page = fetched.subList(0, size);
    return new EventPage(page, Optional.of(page.get(size - 1).seq()));
  }
}
