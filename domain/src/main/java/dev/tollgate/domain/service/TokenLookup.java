package dev.tollgate.domain.service;

import dev.tollgate.domain.live.ChangeFollower;
import dev.tollgate.domain.live.LiveToken;
import dev.tollgate.domain.live.LiveTokenIndex;
import dev.tollgate.domain.live.TokenDigest;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.model.UnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Finds whose a well-formed token string is, for caller authentication and the authorizer alike:
 * from the replica's memory, or, when memory has no entry, after the follower has read the change
 * feed once more, so that a token created on another replica a moment ago is found.
 */
final class TokenLookup {

  private final LiveTokenIndex index;
  private final ChangeFollower follower;

  TokenLookup(LiveTokenIndex index, ChangeFollower follower) {
    this.index = index;
    this.follower = follower;
  }

  /**
   * Hashes once and hands the entry, or null for a token the store does not hold, to
   * {@code then}. Completes at once on a hit; fails with {@link UnavailableException} when the
   * answer depends on a store that cannot be read or has not been loaded yet.
   */
  <T> CompletionStage<T> find(TokenString presented, Function<LiveToken, T> then) {
    TokenDigest digest = TokenDigest.of(presented);
    LiveToken hit = index.get(digest);
    if (hit != null) {
      return CompletableFuture.completedFuture(then.apply(hit));
    }
    if (!index.isLoaded()) {
      return CompletableFuture.failedFuture(new UnavailableException(
          "this Tollgate replica is still loading its tokens; retry in a moment"));
    }
    return follower.awaitRound().thenApply(caughtUp -> then.apply(index.get(digest)));
  }
}
