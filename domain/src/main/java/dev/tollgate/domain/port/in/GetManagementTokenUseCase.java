package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import java.util.Objects;

/**
 * Reads one management token, revoked and expired ones included (as they are listed): what a
 * door that addresses tokens one by one, such as the HTTP API, needs.
 */
public interface GetManagementTokenUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.LIST_MANAGEMENT_TOKENS;

  /**
   * The token with the id.
   *
   * @throws dev.tollgate.domain.model.NotFoundException when no management token has it
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not read it
   */
  Token get(Query query);

  /** A request for one management token. */
  record Query(Caller caller, TokenId id) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
    }
  }
}
