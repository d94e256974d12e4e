package dev.tollgate.domain.service;

import dev.tollgate.domain.live.LastUsedLog;
import dev.tollgate.domain.live.LiveToken;
import dev.tollgate.domain.live.TokenDigest;
import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Authentication.Authenticated;
import dev.tollgate.domain.model.Authentication.Rejected;
import dev.tollgate.domain.model.ParsedToken;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdentityProvider;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/** Authenticates management-API callers by token, bootstrap admin credential or OAuth access token. */
final class AuthenticateCallerService implements AuthenticateCallerUseCase {

  private final TokenLookup lookup;
  private final Clock clock;
  private final IdentityProvider identityProvider;
  private final LastUsedLog lastUsed;

  AuthenticateCallerService(TokenLookup lookup, Clock clock, IdentityProvider identityProvider,
      LastUsedLog lastUsed) {
    this.lookup = lookup;
    this.clock = clock;
    this.identityProvider = identityProvider;
    this.lastUsed = lastUsed;
  }

  @Override
  public Authentication authenticate(String credential) {
    if (credential == null || credential.isBlank()) {
      return new Rejected("no credential was presented; expected 'Authorization: Bearer <token>'");
    }
    ParsedToken parsed = TokenFormat.parse(credential);
    if (parsed instanceof ParsedToken.WellFormed wellFormed) {
      try {
        return lookup.find(TokenDigest.of(wellFormed.token()), this::authenticate)
            .toCompletableFuture().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    if (TokenFormat.startsLikeToken(credential)) {
      return new Rejected("the token is malformed ("
          + ((ParsedToken.Malformed) parsed).defect().name().toLowerCase(Locale.ROOT)
              .replace('_', ' ')
          + "); check that it was copied whole");
    }
    return identityProvider.verify(credential);
  }

  private Authentication authenticate(LiveToken held) {
    if (held == null) {
      return new Rejected("the token is not known to this cluster");
    }
    Instant now = clock.now();
    LiveToken.State state = held.state();
    switch (state.statusAt(now)) {
      case REVOKED:
        return new Rejected("token " + held.subject() + " was revoked at "
            + state.revokedAt().orElseThrow());
      case EXPIRED:
        return new Rejected("token " + held.subject() + " expired at "
            + state.expiresAt().orElseThrow());
      default:
        lastUsed.noteUse(held, now);
        return new Authenticated(held.caller(), state.expiresAt());
    }
  }
}
