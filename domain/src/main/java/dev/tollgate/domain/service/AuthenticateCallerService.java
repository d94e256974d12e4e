package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Authentication.Authenticated;
import dev.tollgate.domain.model.Authentication.Rejected;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.ParsedToken;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.Locale;

/** Authenticates management-API callers by token, bootstrap admin credential or OAuth access token. */
public final class AuthenticateCallerService implements AuthenticateCallerUseCase {

  private final TokenRepository repository;
  private final Clock clock;
  private final IdentityProvider identityProvider;

  public AuthenticateCallerService(TokenRepository repository, Clock clock,
      IdentityProvider identityProvider) {
    this.repository = repository;
    this.clock = clock;
    this.identityProvider = identityProvider;
  }

  @Override
  public Authentication authenticate(String credential) {
    if (credential == null || credential.isBlank()) {
      return new Rejected("no credential was presented; expected 'authorization: Bearer <token>'");
    }
    ParsedToken parsed = TokenFormat.parse(credential);
    if (parsed instanceof ParsedToken.WellFormed wellFormed) {
      return authenticateToken(wellFormed.token());
    }
    if (TokenFormat.startsLikeToken(credential)) {
      return new Rejected("the token is malformed ("
          + ((ParsedToken.Malformed) parsed).defect().name().toLowerCase(Locale.ROOT)
              .replace('_', ' ')
          + "); check that it was copied whole");
    }
    return identityProvider.verify(credential);
  }

  private Authentication authenticateToken(TokenString presented) {
    TokenHolder holder = TokenHolder.of(presented, repository);
    if (holder.bootstrapAdmin()) {
      return new Authenticated(Caller.bootstrapAdmin());
    }
    if (holder.token().isEmpty()) {
      return new Rejected("the token is not known to this cluster");
    }
    Token token = holder.token().get();
    switch (token.statusAt(clock.now())) {
      case REVOKED:
        return new Rejected("token " + token.id() + " was revoked at " + token.revokedAt().get());
      case EXPIRED:
        return new Rejected("token " + token.id() + " expired at " + token.expiresAt().get());
      default:
        return new Authenticated(token.kind() == TokenKind.MANAGEMENT
            ? new Caller.ManagementTokenHolder(token.id())
            : new Caller.DatabaseTokenHolder(token.id()));
    }
  }
}
