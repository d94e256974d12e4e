package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Token;
import java.util.List;
import java.util.Objects;

/** Lists every management token, revoked and expired ones included. */
public interface ListManagementTokensUseCase {

  /**
   * The management tokens, oldest first.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not list them
   */
  List<Token> list(Query query);

  /** A request to list management tokens. */
  record Query(Caller caller) {
    public Query {
      Objects.requireNonNull(caller, "caller");
    }
  }
}
