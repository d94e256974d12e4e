package dev.tollgate.domain.service;

import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.TokenRepository;

/** Reads one database token for callers allowed to read them. */
final class GetDatabaseTokenService implements GetDatabaseTokenUseCase {

  private final TokenRepository repository;

  GetDatabaseTokenService(TokenRepository repository) {
    this.repository = repository;
  }

  @Override
  public Token get(Query query) {
    query.caller().require(OPERATION);
    Token token = repository.findById(query.id()).filter(t -> t.kind() == TokenKind.DATABASE)
        .orElseThrow(() -> new NotFoundException("no database token with id " + query.id()));
    if (token.isRevoked() && !query.includeRevoked()) {
      throw new NotFoundException("no database token with id " + query.id()
          + " (it was revoked; revoked tokens are shown only when asked for)");
    }
    return token;
  }
}
