package dev.tollgate.domain.live;

import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety net under the change feed: reads every stored token and makes the index agree. A
 * token the index holds at an older version than the store, after the follower has caught up,
 * means a change was missed; such differences are repaired and reported, never expected.
 */
public final class Reconciler {

  /** Differences kept by id for the report; past this only their number is. */
  private static final int MAX_REPORTED = 20;
  /** Tokens held for the second look; past this the index is repaired by a second full read. */
  private static final int MAX_SUSPECTS = 10_000;

  /**
   * What one reconciliation found.
   *
   * @param checked stored tokens compared
   * @param differences tokens the index had wrong or lacked, now repaired
   * @param examples the ids of the first few of them
   */
  public record Result(long checked, long differences, List<TokenId> examples) {
    public Result {
      examples = List.copyOf(examples);
    }
  }

  private final TokenRepository repository;
  private final LiveTokenIndex index;
  private final ChangeFollower follower;

  public Reconciler(TokenRepository repository, LiveTokenIndex index, ChangeFollower follower) {
    this.repository = repository;
    this.index = index;
    this.follower = follower;
  }

  /** Compares, catches up, repairs; throws when the store cannot be read. */
  public Result reconcile() {
    index.setBootstrapAdmin(repository.bootstrapAdminHash());
    List<Token.Access> suspects = new ArrayList<>();
    long[] checked = {0};
    boolean[] overflow = {false};
    repository.forEachAccess(token -> {
      checked[0]++;
      LiveToken held = index.get(TokenDigest.of(token.hash()));
      if (held == null || held.version() < token.version()) {
        if (suspects.size() < MAX_SUSPECTS) {
          suspects.add(token);
        } else {
          overflow[0] = true;
        }
      }
    });
    // whatever the feed delivered meanwhile is not a difference
    follower.catchUp();
    List<TokenId> examples = new ArrayList<>();
    long[] differences = {0};
    java.util.function.Consumer<Token.Access> repair = token -> {
      if (index.apply(token)) {
        differences[0]++;
        if (examples.size() < MAX_REPORTED) {
          examples.add(token.id());
        }
      }
    };
    suspects.forEach(repair);
    if (overflow[0]) {
      repository.forEachAccess(repair);
    }
    return new Result(checked[0], differences[0], examples);
  }
}
