package dev.tollgate.domain.service;

import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.out.TokenRepository;

/** Lists database tokens for callers allowed to read them. */
final class ListDatabaseTokensService implements ListDatabaseTokensUseCase {

  private final TokenRepository repository;

  ListDatabaseTokensService(TokenRepository repository) {
    this.repository = repository;
  }

  @Override
  public TokenPage list(Query query) {
    query.caller().require(OPERATION);
    int size = TokenPage.size("page_size", query.pageSize());
    return TokenPage.of(repository.findByKind(TokenKind.DATABASE, query.includeRevoked(),
        query.after(), size + 1), size);
  }
}
