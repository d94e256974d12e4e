package dev.tollgate.domain.live;

import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety net under the change feed: compares every stored token with the index, and the
 * index with the store, and makes them agree. After the follower has caught up, a token the index
 * holds at an older version or under other strings than the store, or holds although the store no
 * longer does, means a change was missed; such differences are repaired and reported, never
 * expected.
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
   * @param differences tokens the index had wrong, lacked or held in excess, now repaired
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
  private int round;

  public Reconciler(TokenRepository repository, LiveTokenIndex index, ChangeFollower follower) {
    this.repository = repository;
    this.index = index;
    this.follower = follower;
  }

  /** Compares both ways, catches up, repairs; throws when the store cannot be read. */
  public synchronized Result reconcile() {
    int thisRound = ++round;
    Report report = new Report();
    if (index.setBootstrapAdmin(repository.bootstrapAdmin())) {
      report.differences++;
    }
    List<Token.Access> suspects = new ArrayList<>();
    long[] checked = {0};
    boolean[] overflow = {false};
    repository.forEachAccess(token -> {
      checked[0]++;
      if (index.compareAndMark(token, thisRound) == LiveTokenIndex.Agreement.DIFFERENT) {
        if (suspects.size() < MAX_SUSPECTS) {
          suspects.add(token);
        } else {
          overflow[0] = true;
        }
      }
    });
    // whatever the feed delivered meanwhile is not a difference
    follower.catchUp();
    suspects.forEach(token -> report.repaired(index.repair(token), token.id()));
    if (overflow[0]) {
      repository.forEachAccess(token -> report.repaired(index.repair(token), token.id()));
    }
    // memory against the store: a token held here that the read did not meet is either newer
    // than the read or gone from the store for good
    for (TokenId id : index.unmarked(thisRound, MAX_SUSPECTS)) {
      if (repository.findById(id).isEmpty()) {
        report.repaired(index.removeAll(List.of(id)) > 0, id);
      }
    }
    return new Result(checked[0], report.differences, report.examples);
  }

  private static final class Report {
    long differences;
    final List<TokenId> examples = new ArrayList<>();

    void repaired(boolean changed, TokenId id) {
      if (changed) {
        differences++;
        if (examples.size() < MAX_REPORTED) {
          examples.add(id);
        }
      }
    }
  }
}
