package dev.tollgate.domain.service;

import dev.tollgate.domain.model.Description;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.TokenRepository;

/** Creates database tokens for callers allowed to manage them. */
final class CreateDatabaseTokenService implements CreateDatabaseTokenUseCase {

  private final TokenIssuer issuer;
  private final Limits limits;

  CreateDatabaseTokenService(TokenRepository repository, Clock clock, RandomSource random,
      IdGenerator ids, Limits limits) {
    this.issuer = new TokenIssuer(repository, clock, random, ids, limits);
    this.limits = limits;
  }

  /** A database token always says what it is for. */
  static void requireDescription(Description description) {
    if (description.value().isBlank()) {
      throw new InvalidRequestException("description", "is empty; a database token needs a few"
          + " words on what it is for, e.g. \"Read/write for db1\"");
    }
  }

  @Override
  public IssuedToken create(Command command) {
    command.caller().require(OPERATION);
    requireDescription(command.description());
    limits.checkPermissionsPerToken("permissions", command.permissions().size());
    return issuer.issue(TokenFormat.DATABASE, command.description(), command.permissions(),
        command.expiresAt(), command.caller());
  }
}
