package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.GetManagementTokenUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.in.ListTokenEventsUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.service.UseCases;
import java.time.Instant;
import java.util.Objects;

/**
 * Tollgate's use cases over an in-memory store and a controllable clock, for embedding in another
 * project's tests: no server, no database, no framework, no threads.
 */
public final class InMemoryTollgate {

  private final ControllableClock clock;
  private final InMemoryTokenRepository repository = new InMemoryTokenRepository();
  private final UseCases useCases;

  /**
   * Builds the use cases over a fresh store.
   *
   * @param identityProvider decides OAuth access tokens; {@link IdentityProvider#NONE} refuses all
   * @param seed makes the token strings repeatable from run to run
   */
  public InMemoryTollgate(ControllableClock clock, IdentityProvider identityProvider, long seed) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.useCases = new UseCases(repository, repository, clock, new DeterministicRandomSource(seed),
        new SequentialIdGenerator(), identityProvider, FollowerSettings.immediate());
    useCases.follower().load();
  }

  /** A Tollgate whose clock starts at the instant, without an identity provider. */
  public static InMemoryTollgate startingAt(Instant start) {
    return new InMemoryTollgate(new ControllableClock(start), IdentityProvider.NONE, 1L);
  }

  public ControllableClock clock() {
    return clock;
  }

  /** The store itself; what is written to it directly is found on the next lookup that misses. */
  public InMemoryTokenRepository repository() {
    return repository;
  }

  /** Every use case, the live index and its follower, as the server wires them. */
  public UseCases useCases() {
    return useCases;
  }

  public CreateManagementTokenUseCase createManagementToken() {
    return useCases.createManagementToken();
  }

  public ListManagementTokensUseCase listManagementTokens() {
    return useCases.listManagementTokens();
  }

  public RevokeManagementTokensUseCase revokeManagementTokens() {
    return useCases.revokeManagementTokens();
  }

  public AuthenticateCallerUseCase authenticateCaller() {
    return useCases.authenticateCaller();
  }

  public CreateDatabaseTokenUseCase createDatabaseToken() {
    return useCases.createDatabaseToken();
  }

  public ListDatabaseTokensUseCase listDatabaseTokens() {
    return useCases.listDatabaseTokens();
  }

  public GetDatabaseTokenUseCase getDatabaseToken() {
    return useCases.getDatabaseToken();
  }

  public GetManagementTokenUseCase getManagementToken() {
    return useCases.getManagementToken();
  }

  public UpdateDatabaseTokenUseCase updateDatabaseToken() {
    return useCases.updateDatabaseToken();
  }

  public RevokeDatabaseTokensUseCase revokeDatabaseTokens() {
    return useCases.revokeDatabaseTokens();
  }

  /** New token strings for existing tokens, with an overlap. */
  public RotateTokenUseCase rotateToken() {
    return useCases.rotateToken();
  }

  /** The audit trail of every change made through this instance. */
  public ListTokenEventsUseCase tokenEvents() {
    return useCases.tokenEvents();
  }

  /** The data plane's authorizer over the same store and clock. */
  public AuthorizeUseCase authorize() {
    return useCases.authorize();
  }
}
