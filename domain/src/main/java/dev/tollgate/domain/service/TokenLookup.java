package dev.tollgate.domain.service;

import dev.tollgate.domain.live.ChangeFollower;
import dev.tollgate.domain.live.LiveToken;
import dev.tollgate.domain.live.LiveTokenIndex;
import dev.tollgate.domain.live.TokenDigest;
import dev.tollgate.domain.model.UnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Finds whose a well-formed token is, for caller authentication and the authorizer alike: from
 * the replica's memory, or, when memory has no entry, after the follower has read the change feed
 * once more, so that a token created on another replica a moment ago is found.
 */
final class TokenLookup {

  private final LiveTokenIndex index;
  private final ChangeFollower follower;

  TokenLookup(LiveTokenIndex index, ChangeFollower follower) {
    this.index = index;
    this.follower = follower;
  }

  /**
   * The entry memory holds for the digest, or null; touches no store. Null until the replica has
   * loaded every token and caught up with the feed: a partly loaded index may hold an entry from
   * a snapshot older than a revocation.
   */
  LiveToken held(TokenDigest digest) {
    return index.isLoaded() ? index.get(digest) : null;
  }

  /**
   * Hands the entry, or null for a token the store does not hold, to {@code then}: at once on a
   * hit, otherwise after one more read of the change feed.
   */
  <T> CompletionStage<T> find(TokenDigest digest, Function<LiveToken, T> then) {
    LiveToken hit = held(digest);
    return hit != null ? CompletableFuture.completedFuture(then.apply(hit)) : afterMiss(digest, then);
  }

  /**
   * For a digest memory had no entry for: looks again after the follower's next read of the feed.
   * Fails with {@link UnavailableException} when the feed cannot be read or the replica has not
   * loaded its tokens yet.
   */
  <T> CompletionStage<T> afterMiss(TokenDigest digest, Function<LiveToken, T> then) {
    if (!index.isLoaded()) {
      return CompletableFuture.failedFuture(new UnavailableException(
          "this Tollgate replica is still loading its tokens; retry in a moment"));
    }
    return follower.awaitRound().thenApply(caughtUp -> then.apply(index.get(digest)));
  }
}
