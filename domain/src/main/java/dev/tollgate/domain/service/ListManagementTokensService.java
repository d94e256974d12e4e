package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.List;

/** Lists management tokens for callers allowed to see them. */
public final class ListManagementTokensService implements ListManagementTokensUseCase {

  private final TokenRepository repository;

  public ListManagementTokensService(TokenRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<Token> list(Query query) {
    query.caller().require(Operation.LIST_MANAGEMENT_TOKENS);
    return repository.findByKind(TokenKind.MANAGEMENT);
  }
}
