package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.List;

/** Revokes database tokens; a management token's id is "not found" here. */
final class RevokeDatabaseTokensService implements RevokeDatabaseTokensUseCase {

  private final TokenRevoker revoker;

  RevokeDatabaseTokensService(TokenRepository repository, Clock clock, Limits limits) {
    this.revoker = new TokenRevoker(repository, clock, limits);
  }

  @Override
  public List<Revocation> revoke(Command command) {
    command.caller().require(OPERATION);
    return revoker.revoke(TokenKind.DATABASE, command.ids(), command.caller());
  }
}
