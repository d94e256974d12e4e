package dev.tollgate.domain.service;

import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.UnavailableException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a token, changes it and stores it again, over again while another change to the same
 * token was stored first (the store refuses a change made to an old version).
 */
final class UntilStored {

  /** Concurrent changes to one token are rare; after this many lost races the caller retries. */
  static final int MAX_ATTEMPTS = 16;

  private UntilStored() {}

  /**
   * The first result {@code attempt} gives; it gives none when it lost the race to another change.
   *
   * @param doing what is being done to the token, for the message: "rotated"
   * @throws UnavailableException when every attempt lost
   */
  static <T> T retry(TokenId id, String doing, Supplier<Optional<T>> attempt) {
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      Optional<T> done = attempt.get();
      if (done.isPresent()) {
        return done.get();
      }
    }
    throw new UnavailableException("token " + id + " kept changing while being " + doing
        + " (" + MAX_ATTEMPTS + " other changes came first); retry");
  }
}
