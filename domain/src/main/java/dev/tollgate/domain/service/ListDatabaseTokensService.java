package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.List;

/** Lists database tokens for callers allowed to read them. */
public final class ListDatabaseTokensService implements ListDatabaseTokensUseCase {

  private final TokenRepository repository;

  public ListDatabaseTokensService(TokenRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<Token> list(Query query) {
    query.caller().require(Operation.READ_DATABASE_TOKENS);
    List<Token> tokens = repository.findByKind(TokenKind.DATABASE);
    return query.includeRevoked() ? tokens
        : tokens.stream().filter(token -> !token.isRevoked()).toList();
  }
}
