package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Changes a database token's description and/or replaces its permissions; expiry is fixed. */
public interface UpdateDatabaseTokenUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.CHANGE_DATABASE_TOKENS;

  /**
   * Updates the token and records an UPDATED event.
   *
   * @return the token as stored now
   * @throws dev.tollgate.domain.model.NotFoundException when there is no such database token
   * @throws dev.tollgate.domain.model.ConflictException when the token is revoked
   */
  Token update(Command command);

  /**
   * What to change: an empty {@code description} keeps it; an empty {@code permissions} keeps
   * them, a present one replaces the whole set (an empty set grants nothing).
   */
  record Command(Caller caller, TokenId id, Optional<Description> description,
      Optional<Set<Permission>> permissions) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(description, "description");
      permissions = permissions.map(Set::copyOf);
      if (description.isEmpty() && permissions.isEmpty()) {
        throw new InvalidRequestException("update", "nothing to update; expected a new"
            + " description and/or new permissions");
      }
    }
  }
}
