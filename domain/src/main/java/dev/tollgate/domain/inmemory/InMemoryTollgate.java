package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.service.AuthenticateCallerService;
import dev.tollgate.domain.service.CreateManagementTokenService;
import dev.tollgate.domain.service.ListManagementTokensService;
import dev.tollgate.domain.service.RevokeManagementTokensService;
import java.time.Instant;
import java.util.Objects;

/**
 * Tollgate's use cases over an in-memory store and a controllable clock, for embedding in another
 * project's tests: no server, no database, no framework.
 */
public final class InMemoryTollgate {

  private final ControllableClock clock;
  private final InMemoryTokenRepository repository = new InMemoryTokenRepository();
  private final CreateManagementTokenUseCase createManagementToken;
  private final ListManagementTokensUseCase listManagementTokens;
  private final RevokeManagementTokensUseCase revokeManagementTokens;
  private final AuthenticateCallerUseCase authenticateCaller;

  /**
   * Builds the use cases over a fresh store.
   *
   * @param identityProvider decides OAuth access tokens; {@link IdentityProvider#NONE} refuses all
   * @param seed makes the token strings repeatable from run to run
   */
  public InMemoryTollgate(ControllableClock clock, IdentityProvider identityProvider, long seed) {
    this.clock = Objects.requireNonNull(clock, "clock");
    DeterministicRandomSource random = new DeterministicRandomSource(seed);
    SequentialIdGenerator ids = new SequentialIdGenerator();
    this.createManagementToken = new CreateManagementTokenService(repository, clock, random, ids);
    this.listManagementTokens = new ListManagementTokensService(repository);
    this.revokeManagementTokens = new RevokeManagementTokensService(repository, clock);
    this.authenticateCaller = new AuthenticateCallerService(repository, clock, identityProvider);
  }

  /** A Tollgate whose clock starts at the instant, without an identity provider. */
  public static InMemoryTollgate startingAt(Instant start) {
    return new InMemoryTollgate(new ControllableClock(start), IdentityProvider.NONE, 1L);
  }

  public ControllableClock clock() {
    return clock;
  }

  public InMemoryTokenRepository repository() {
    return repository;
  }

  public CreateManagementTokenUseCase createManagementToken() {
    return createManagementToken;
  }

  public ListManagementTokensUseCase listManagementTokens() {
    return listManagementTokens;
  }

  public RevokeManagementTokensUseCase revokeManagementTokens() {
    return revokeManagementTokens;
  }

  public AuthenticateCallerUseCase authenticateCaller() {
    return authenticateCaller;
  }
}
