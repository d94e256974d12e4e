package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.Permission;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Makes a token string, stores its hash with the token and the CREATED event: shared by both kinds. */
final class TokenIssuer {

  private final TokenRepository repository;
  private final Clock clock;
  private final RandomSource random;
  private final IdGenerator ids;
  private final Limits limits;

  TokenIssuer(TokenRepository repository, Clock clock, RandomSource random, IdGenerator ids,
      Limits limits) {
    this.repository = repository;
    this.clock = clock;
    this.random = random;
    this.ids = ids;
    this.limits = limits;
  }

  /** Issues the token, unless it would outlive the lifetime policy of its kind. */
  IssuedToken issue(TokenFormat format, Description description, Set<Permission> permissions,
      Optional<Instant> expiresAt, Caller caller) {
    Instant now = clock.now();
    limits.checkLifetime("expires_at", format.kind(), expiresAt, now);
    TokenString secret = format.generate(random);
    Token token = Token.issue(ids.newId(), secret, description, permissions, expiresAt,
        caller.subject(), now);
    repository.add(token, TokenEvent.created(token));
    return new IssuedToken(token, secret);
  }
}
