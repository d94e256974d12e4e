package dev.tollgate.domain.service;

import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.Set;

/** Creates management tokens for Admin users and the bootstrap admin. */
final class CreateManagementTokenService implements CreateManagementTokenUseCase {

  private final TokenIssuer issuer;

  /** With the lifetime policy of {@code limits}. */
  CreateManagementTokenService(TokenRepository repository, Clock clock, RandomSource random,
      IdGenerator ids, Limits limits) {
    this.issuer = new TokenIssuer(repository, clock, random, ids, limits);
  }

  @Override
  public IssuedToken create(Command command) {
    command.caller().require(OPERATION);
    return issuer.issue(TokenFormat.MANAGEMENT, command.description(), Set.of(),
        command.expiresAt(), command.caller());
  }
}
