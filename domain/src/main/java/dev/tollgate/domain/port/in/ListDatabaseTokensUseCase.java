package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Token;
import java.util.List;
import java.util.Objects;

/** Lists database tokens, revoked ones only when asked for. */
public interface ListDatabaseTokensUseCase {

  /**
   * The database tokens, oldest first.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not read them
   */
  List<Token> list(Query query);

  /** A request to list database tokens. */
  record Query(Caller caller, boolean includeRevoked) {
    public Query {
      Objects.requireNonNull(caller, "caller");
    }
  }
}
