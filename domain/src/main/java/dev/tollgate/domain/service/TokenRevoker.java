package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.Revocation.Outcome;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.TokenRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Revokes tokens of one kind id by id, going on past ids that are not found: shared by both kinds. */
final class TokenRevoker {


  private final TokenRepository repository;
  private final Clock clock;
  private final Limits limits;

  TokenRevoker(TokenRepository repository, Clock clock, Limits limits) {
    this.repository = repository;
    this.clock = clock;
    this.limits = limits;
  }

  List<Revocation> revoke(TokenKind kind, List<TokenId> ids, Caller caller) {
    limits.checkIdsPerRevoke("ids", ids.size());
    List<Revocation> outcomes = new ArrayList<>(ids.size());
    for (TokenId id : ids) {
      outcomes.add(revokeOne(kind, id, caller));
    }
    return outcomes;
  }

  private Revocation revokeOne(TokenKind kind, TokenId id, Caller caller) {
    return UntilStored.retry(id, "revoked", () -> {
      Optional<Token> any = repository.findById(id);
      Optional<Token> found = any.filter(t -> t.kind() == kind);
      if (found.isEmpty()) {
        // the other kind's token is neither shown nor touched; only its kind is said
        return Optional.of(new Revocation(id, any.isPresent() ? Outcome.OTHER_KIND
            : Outcome.NOT_FOUND, Optional.empty()));
      }
      Token current = found.get();
      if (current.isRevoked()) {
        return Optional.of(new Revocation(id, Outcome.ALREADY_REVOKED, found));
      }
      Token revoked = current.revoke(caller.subject(), clock.now());
      return repository.update(revoked, TokenEvent.revoked(revoked))
          .map(stored -> new Revocation(id, Outcome.REVOKED, Optional.of(stored)));
    });
  }
}
