package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import java.time.Duration;
import java.util.Objects;

/**
 * Replaces a token's string without an outage: the same id, description, permissions and expiry
 * with a new string, shown once as at create; the previous string keeps working for the overlap.
 */
public interface RotateTokenUseCase {

  /**
   * What a caller must be allowed to rotate a token of this kind: what creating one takes; every
   * door checks it before it reads the request.
   */
  static Operation operation(TokenKind kind) {
    return kind == TokenKind.MANAGEMENT ? Operation.CREATE_MANAGEMENT_TOKEN
        : Operation.CHANGE_DATABASE_TOKENS;
  }

  /**
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not create a
   *     token of this kind
   * @throws dev.tollgate.domain.model.NotFoundException when there is no such token of the kind
   * @throws dev.tollgate.domain.model.ConflictException when it is revoked, expired, or still in
   *     the overlap of an earlier rotation
   */
  IssuedToken rotate(Command command);

  /** @param overlap how long the previous string keeps working; zero: it stops at once */
  record Command(Caller caller, TokenKind kind, TokenId id, Duration overlap) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(overlap, "overlap");
    }
  }
}
