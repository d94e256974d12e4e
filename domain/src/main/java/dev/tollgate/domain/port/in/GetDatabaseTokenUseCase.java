package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import java.util.Objects;

/** Reads one database token; a revoked one is "not found" unless revoked ones are asked for. */
public interface GetDatabaseTokenUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.READ_DATABASE_TOKENS;

  /**
   * The token with the id.
   *
   * @throws dev.tollgate.domain.model.NotFoundException when there is none to show
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not read it
   */
  Token get(Query query);

  /** A request for one database token. */
  record Query(Caller caller, TokenId id, boolean includeRevoked) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
    }
  }
}
