package dev.tollgate.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a token list, oldest first, and where the next page starts if there is one.
 *
 * @param next empty on the last page
 */
public record TokenPage(List<Token> tokens, Optional<PageCursor> next) {

  /** The most tokens one page holds, whatever a client asks for; also the default. */
  public static final int MAX_SIZE = 1_000;

  public TokenPage {
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(next, "next");
  }

  /**
   * How many tokens a page holds when {@code requested} were asked for (0: the default).
   *
   * @throws InvalidRequestException when {@code requested} is negative
   */
  public static int size(String field, int requested) {
    if (requested < 0) {
      throw new InvalidRequestException(field, requested + " is negative; expected 0 for the"
          + " default or a number of tokens, at most " + MAX_SIZE + " per page");
    }
    return requested == 0 ? MAX_SIZE : Math.min(requested, MAX_SIZE);
  }

  /**
   * The page made of the first {@code size} of {@code fetched}, which holds up to one token more
   * than a page so that it tells whether another page follows.
   */
  public static TokenPage of(List<Token> fetched, int size) {
    if (fetched.size() <= size) {
      return new TokenPage(fetched, Optional.empty());
    }
    List<Token> page = fetched.subList(0, size);
    return new TokenPage(page, Optional.of(PageCursor.after(page.get(size - 1))));
  }
}
