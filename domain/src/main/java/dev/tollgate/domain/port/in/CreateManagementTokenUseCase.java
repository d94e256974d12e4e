package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Operation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Creates a management token; only an Admin user or the bootstrap admin may. */
public interface CreateManagementTokenUseCase {

  /** The right a caller needs for this, checked by every door before it reads the request. */
  Operation OPERATION = Operation.CREATE_MANAGEMENT_TOKEN;

  /**
   * Creates the token and its CREATED event; the result holds the token string this once.
   *
   * @throws dev.tollgate.domain.model.NotAllowedException when the caller may not create one
   * @throws dev.tollgate.domain.model.InvalidRequestException when the expiry is not in the future
   */
  IssuedToken create(Command command);

  /** A request for a management token that expires at {@code expiresAt}, or never when empty. */
  record Command(Caller caller, Description description, Optional<Instant> expiresAt) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }
}
