package dev.tollgate.domain.service;

import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.ParsedToken;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenStatus;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers the data plane: a malformed token is refused before any hashing or lookup; a known,
 * active token is valid and grants the requested permissions its grants cover.
 */
public final class AuthorizeService implements AuthorizeUseCase {

  private final TokenRepository repository;
  private final Clock clock;

  public AuthorizeService(TokenRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public AuthorizationDecision authorize(Request request) {
    ParsedToken parsed = TokenFormat.parse(request.token());
    if (parsed instanceof ParsedToken.Malformed malformed) {
      return AuthorizationDecision.invalid(
          "malformed: " + malformed.defect().name().toLowerCase(Locale.ROOT));
    }
    TokenHolder holder = TokenHolder.of(((ParsedToken.WellFormed) parsed).token(), repository);
    if (holder.bootstrapAdmin()) {
      return AuthorizationDecision.valid("bootstrap-admin", List.of());
    }
    if (holder.token().isEmpty()) {
      return AuthorizationDecision.invalid("unknown token");
    }
    Token token = holder.token().get();
    TokenStatus status = token.statusAt(clock.now());
    if (status != TokenStatus.ACTIVE) {
      return AuthorizationDecision.invalid(status.name().toLowerCase(Locale.ROOT) + " token "
          + token.id());
    }
    List<RequestedPermission> granted = new ArrayList<>();
    for (RequestedPermission requested : request.permissions()) {
      if (token.grants(requested)) {
        granted.add(requested);
      }
    }
    return AuthorizationDecision.valid(token.id().toString(), granted);
  }
}
