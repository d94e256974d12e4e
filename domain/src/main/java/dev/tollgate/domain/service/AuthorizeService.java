package dev.tollgate.domain.service;

import dev.tollgate.domain.live.LastUsedLog;
import dev.tollgate.domain.live.LiveToken;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.Grants;
import dev.tollgate.domain.model.ParsedToken;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenStatus;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.out.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers the data plane from memory: a malformed token is refused before any hashing or lookup;
 * a known, active token is valid and grants the requested permissions its grants cover.
 */
public final class AuthorizeService implements AuthorizeUseCase {

  private final TokenLookup lookup;
  private final Clock clock;
  private final LastUsedLog lastUsed;

  AuthorizeService(TokenLookup lookup, Clock clock, LastUsedLog lastUsed) {
    this.lookup = lookup;
    this.clock = clock;
    this.lastUsed = lastUsed;
  }

  @Override
  public CompletionStage<AuthorizationDecision> decide(Request request) {
    ParsedToken parsed = TokenFormat.parse(request.token());
    if (parsed instanceof ParsedToken.Malformed malformed) {
      return CompletableFuture.completedFuture(AuthorizationDecision.invalid(
          "malformed: " + malformed.defect().name().toLowerCase(Locale.ROOT)));
    }
    return lookup.find(((ParsedToken.WellFormed) parsed).token(), held -> decide(held, request));
  }

  private AuthorizationDecision decide(LiveToken held, Request request) {
    if (held == null) {
      return AuthorizationDecision.invalid("unknown token");
    }
    Instant now = clock.now();
    LiveToken.State state = held.state();
    TokenStatus status = state.statusAt(now);
    if (status != TokenStatus.ACTIVE) {
      return AuthorizationDecision.invalid(status.name().toLowerCase(Locale.ROOT) + " token "
          + held.subject());
    }
    lastUsed.noteUse(held, now);
    Grants grants = state.grants();
    List<RequestedPermission> granted = new ArrayList<>(request.permissions().size());
    for (RequestedPermission requested : request.permissions()) {
      if (grants.covers(requested)) {
        granted.add(requested);
      }
    }
    return AuthorizationDecision.valid(held.subject(), granted);
  }
}
