package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.TokenRepository;

/** Updates database tokens, retrying when another change to the same token came first. */
final class UpdateDatabaseTokenService implements UpdateDatabaseTokenUseCase {

  private final TokenRepository repository;
  private final Clock clock;
  private final Limits limits;

  UpdateDatabaseTokenService(TokenRepository repository, Clock clock, Limits limits) {
    this.repository = repository;
    this.clock = clock;
    this.limits = limits;
  }

  @Override
  public Token update(Command command) {
    command.caller().require(OPERATION);
    command.description().ifPresent(CreateDatabaseTokenService::requireDescription);
    command.permissions().ifPresent(permissions ->
        limits.checkPermissionsPerToken("permissions.permissions", permissions.size()));
    return UntilStored.retry(command.id(), "updated", () -> {
      Token current = repository.findById(command.id()).filter(t -> t.kind() == TokenKind.DATABASE)
          .orElseThrow(() -> new NotFoundException("no database token with id " + command.id()));
      Token updated = current.update(command.description().orElse(current.description()),
          command.permissions().orElse(current.permissions()), clock.now());
      return repository.update(updated,
          TokenEvent.updated(current, updated, command.caller().subject()));
    });
  }
}
