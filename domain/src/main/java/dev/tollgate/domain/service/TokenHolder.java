package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenHash;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.Optional;

/**
 * Whose a well-formed token string is: a stored token of its kind, the bootstrap admin, or
 * nobody. Shared by caller authentication and the authorizer; hashes once, and asks for the
 * bootstrap admin only when no stored token matches.
 */
record TokenHolder(Optional<Token> token, boolean bootstrapAdmin) {

  static TokenHolder of(TokenString presented, TokenRepository repository) {
    TokenHash hash = presented.hash();
    Optional<Token> token = repository.findByHash(hash).filter(t -> t.kind() == presented.kind());
    if (token.isPresent()) {
      return new TokenHolder(token, false);
    }
    boolean bootstrap = presented.kind() == TokenKind.MANAGEMENT
        && repository.bootstrapAdminHash().filter(hash::equals).isPresent();
    return new TokenHolder(Optional.empty(), bootstrap);
  }
}
