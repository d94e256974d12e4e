package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.TokenPage;
import java.util.Objects;
import java.util.Optional;

/** Lists management tokens a page at a time, revoked and expired ones included. */
public interface ListManagementTokensUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.LIST_MANAGEMENT_TOKENS;

  /**
   * A page of the management tokens, oldest first.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not list them
   */
  TokenPage list(Query query);

  /**
   * A request for a page of management tokens.
   *
   * @param after where the page starts; empty for the first page
   * @param pageSize how many tokens at most; 0 for {@link TokenPage#MAX_SIZE}
   */
  record Query(Caller caller, Optional<PageCursor> after, int pageSize) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(after, "after");
    }

    /** The first page, as large as pages get. */
    public Query(Caller caller) {
      this(caller, Optional.empty(), 0);
    }
  }
}
