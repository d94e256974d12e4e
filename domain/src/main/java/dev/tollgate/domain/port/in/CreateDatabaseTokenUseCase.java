package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Permission;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Creates a database token with read and/or write permissions on databases. */
public interface CreateDatabaseTokenUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.CHANGE_DATABASE_TOKENS;

  /**
   * Creates the token and its CREATED event; the result holds the token string this once.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not
   * @throws dev.tollgate.domain.model.InvalidRequestException for a missing description or a
   *     past expiry
   */
  IssuedToken create(Command command);

  /** A request for a database token; an empty permission set is allowed and grants nothing. */
  record Command(Caller caller, Description description, Set<Permission> permissions,
      Optional<Instant> expiresAt) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(description, "description");
      permissions = Set.copyOf(permissions);
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }
}
