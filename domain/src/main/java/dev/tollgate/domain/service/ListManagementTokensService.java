package dev.tollgate.domain.service;

import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.out.TokenRepository;

/** Lists management tokens for callers allowed to see them. */
final class ListManagementTokensService implements ListManagementTokensUseCase {

  private final TokenRepository repository;

  ListManagementTokensService(TokenRepository repository) {
    this.repository = repository;
  }

  @Override
  public TokenPage list(Query query) {
    query.caller().require(OPERATION);
    int size = TokenPage.size("page_size", query.pageSize());
    return TokenPage.of(repository.findByKind(TokenKind.MANAGEMENT, true, query.after(),
        size + 1), size);
  }
}
