package dev.tollgate.domain.service;

import dev.tollgate.domain.live.LastUsedLog;
import dev.tollgate.domain.live.LiveToken;
import dev.tollgate.domain.live.TokenDigest;
import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.Grants;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.ParsedToken;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenStatus;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.out.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers the data plane from memory: a malformed token is refused before any hashing or lookup,
 * and before the permissions asked are looked at (even their number); a known, active token is valid and grants the requested permissions its grants cover. The path
 * for a known token allocates only the key, the clock's instant and the answer.
 */
final class AuthorizeService implements AuthorizeUseCase {

  private static final AuthorizationDecision UNKNOWN = AuthorizationDecision.invalid(
      "unknown token", AuthorizationDecision.Outcome.UNKNOWN);
  private static final Map<ParsedToken.Defect, AuthorizationDecision> MALFORMED = malformed();

  private final TokenLookup lookup;
  private final Clock clock;
  private final LastUsedLog lastUsed;
  private final Limits limits;

  AuthorizeService(TokenLookup lookup, Clock clock, LastUsedLog lastUsed, Limits limits) {
    this.lookup = lookup;
    this.clock = clock;
    this.lastUsed = lastUsed;
    this.limits = limits;
  }

  @Override
  public CompletionStage<AuthorizationDecision> decide(Request request) {
    byte[] token = request.token();
    ParsedToken.Defect defect = TokenFormat.defectOf(token);
    if (defect != null) {
      // the token's format first: a malformed one is refused whatever it asks
      return CompletableFuture.completedFuture(MALFORMED.get(defect));
    }
    try {
      limits.checkPermissionsPerAuthorize("permissions", request.permissions().size());
    } catch (InvalidRequestException e) {
      return CompletableFuture.failedFuture(e);
    }
    TokenDigest digest = TokenDigest.ofUtf8(token);
    LiveToken held = lookup.held(digest);
    if (held != null) {
      return CompletableFuture.completedFuture(decide(held, request));
    }
    return lookup.afterMiss(digest, found -> decide(found, request));
  }

  private AuthorizationDecision decide(LiveToken held, Request request) {
    if (held == null) {
      return UNKNOWN;
    }
    Instant now = clock.now();
    LiveToken.State state = held.state();
    TokenStatus status = state.statusAt(now);
    if (status != TokenStatus.ACTIVE) {
      return AuthorizationDecision.invalid(status.name().toLowerCase(Locale.ROOT) + " token "
          + held.subject(), status == TokenStatus.EXPIRED ? AuthorizationDecision.Outcome.EXPIRED
              : AuthorizationDecision.Outcome.REVOKED);
    }
    lastUsed.noteUse(held, now);
    return AuthorizationDecision.valid(held.subject(), granted(state.grants(), request.permissions()),
        request.permissions().size(), held.holder() == LiveToken.Holder.DATABASE_TOKEN);
  }

  private static List<RequestedPermission> granted(Grants grants, List<RequestedPermission> asked) {
    if (asked.size() == 1) {
      return grants.covers(asked.get(0)) ? asked : List.of();
    }
    List<RequestedPermission> granted = new ArrayList<>(asked.size());
    for (RequestedPermission requested : asked) {
      if (grants.covers(requested)) {
        granted.add(requested);
      }
    }
    return granted;
  }

  private static Map<ParsedToken.Defect, AuthorizationDecision> malformed() {
    Map<ParsedToken.Defect, AuthorizationDecision> all = new EnumMap<>(ParsedToken.Defect.class);
    for (ParsedToken.Defect defect : ParsedToken.Defect.values()) {
      all.put(defect, AuthorizationDecision.invalid(
          "malformed: " + defect.name().toLowerCase(Locale.ROOT),
          AuthorizationDecision.Outcome.MALFORMED));
    }
    return all;
  }
}
