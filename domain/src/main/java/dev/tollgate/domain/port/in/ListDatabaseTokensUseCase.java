package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.TokenPage;
import java.util.Objects;
import java.util.Optional;

/** Lists database tokens a page at a time, revoked ones only when asked for. */
public interface ListDatabaseTokensUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.READ_DATABASE_TOKENS;

  /**
   * A page of the database tokens, oldest first.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not read them
   */
  TokenPage list(Query query);

  /**
   * A request for a page of database tokens.
   *
   * @param after where the page starts; empty for the first page
   * @param pageSize how many tokens at most; 0 for {@link TokenPage#MAX_SIZE}
   */
  record Query(Caller caller, boolean includeRevoked, Optional<PageCursor> after, int pageSize) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(after, "after");
    }

    /** The first page, as large as pages get. */
    public Query(Caller caller, boolean includeRevoked) {
      this(caller, includeRevoked, Optional.empty(), 0);
    }
  }
}
