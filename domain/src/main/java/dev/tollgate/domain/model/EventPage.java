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

  private static final String PAGE_PREFIX = "e";

  public EventPage {
    events = List.copyOf(events);
    Objects.requireNonNull(next, "next");
  }

  /** The opaque page token a client passes back for the page after {@code seq}. */
  public static String pageToken(long seq) {
    return PAGE_PREFIX + seq;
  }

  /**
   * Where the page asked for by a page token sent as request field {@code field} starts; empty
   * for none (the first page).
   *
   * @throws InvalidRequestException when it is not one {@link #pageToken(long)} made
   */
  public static Optional<Long> after(String field, String pageToken) {
    if (pageToken == null || pageToken.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (pageToken.startsWith(PAGE_PREFIX)) {
        long seq = Long.parseLong(pageToken.substring(PAGE_PREFIX.length()));
        if (seq >= 0) {
          return Optional.of(seq);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException(field, UserInput.quote(pageToken) + " is not a page token"
        + " of this list; give the next page token of the previous answer as it was, or none for"
        + " the first page");
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
