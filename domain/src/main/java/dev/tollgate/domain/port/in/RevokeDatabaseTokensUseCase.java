package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.TokenId;
import java.util.List;
import java.util.Objects;

/** Revokes database tokens, for good; revoking a revoked token keeps its first revocation. */
public interface RevokeDatabaseTokensUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.CHANGE_DATABASE_TOKENS;

  /**
   * Revokes each id in turn, going on past ids that are not found.
   *
   * @return one outcome per requested id, in request order
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not
   */
  List<Revocation> revoke(Command command);

  /** A request to revoke one or more database tokens. */
  record Command(Caller caller, List<TokenId> ids) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      ids = List.copyOf(ids);
      if (ids.isEmpty()) {
        throw new InvalidRequestException("ids", "no token id given; expected at least one");
      }
    }
  }
}
