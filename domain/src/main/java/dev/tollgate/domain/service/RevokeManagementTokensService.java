package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.List;

/** Revokes management tokens; a database token's id is "not found" here. */
final class RevokeManagementTokensService implements RevokeManagementTokensUseCase {

  private final TokenRevoker revoker;

  RevokeManagementTokensService(TokenRepository repository, Clock clock, Limits limits) {
    this.revoker = new TokenRevoker(repository, clock, limits);
  }

  @Override
  public List<Revocation> revoke(Command command) {
    command.caller().require(OPERATION);
    return revoker.revoke(TokenKind.MANAGEMENT, command.ids(), command.caller());
  }
}
