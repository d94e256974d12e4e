package dev.tollgate.domain.service;

import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenEvent;
import dev.tollgate.domain.model.TokenFormat;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenString;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.TokenRepository;
import java.time.Duration;
import java.util.Locale;

/**
 * Rotates a token of either kind: allowed to whoever may create a token of that kind, since it
 * hands out a new token string.
 */
final class RotateTokenService implements RotateTokenUseCase {

  /** The longest overlap: a week is enough to roll a new string out, and bounds the old one. */
  public static final Duration MAX_OVERLAP = Duration.ofDays(7);

  private final TokenRepository repository;
  private final Clock clock;
  private final RandomSource random;

  RotateTokenService(TokenRepository repository, Clock clock, RandomSource random) {
    this.repository = repository;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public IssuedToken rotate(Command command) {
    boolean management = command.kind() == TokenKind.MANAGEMENT;
    command.caller().require(RotateTokenUseCase.operation(command.kind()));
    if (command.overlap().isNegative() || command.overlap().compareTo(MAX_OVERLAP) > 0) {
      throw new InvalidRequestException("overlap", Limits.days(command.overlap())
          + " is not an overlap; expected from 0 (the previous string stops at once) to 7 days");
    }
    String kindName = command.kind().name().toLowerCase(Locale.ROOT) + " token";
    return UntilStored.retry(command.id(), "rotated", () -> {
      Token current = repository.findById(command.id())
          .filter(token -> token.kind() == command.kind())
          .orElseThrow(() -> new NotFoundException("no " + kindName + " with id " + command.id()));
      TokenString secret = (management ? TokenFormat.MANAGEMENT : TokenFormat.DATABASE)
          .generate(random);
      Token rotated = current.rotate(secret, command.overlap(), clock.now());
      return repository.update(rotated, TokenEvent.rotated(rotated, command.caller().subject()))
          .map(stored -> new IssuedToken(stored, secret));
    });
  }
}
