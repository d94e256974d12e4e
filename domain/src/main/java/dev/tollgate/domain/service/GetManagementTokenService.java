package dev.tollgate.domain.service;

import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.GetManagementTokenUseCase;
import dev.tollgate.domain.port.out.TokenRepository;

/** Reads one management token for callers allowed to list them. */
final class GetManagementTokenService implements GetManagementTokenUseCase {

  private final TokenRepository repository;

  GetManagementTokenService(TokenRepository repository) {
    this.repository = repository;
  }

  @Override
  public Token get(Query query) {
    query.caller().require(OPERATION);
    return repository.findById(query.id()).filter(t -> t.kind() == TokenKind.MANAGEMENT)
        .orElseThrow(() -> new NotFoundException("no management token with id " + query.id()));
  }
}
