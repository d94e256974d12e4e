package dev.tollgate.domain.inmemory;

import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.service.AuthenticateCallerService;
import dev.tollgate.domain.service.AuthorizeService;
import dev.tollgate.domain.service.CreateDatabaseTokenService;
import dev.tollgate.domain.service.CreateManagementTokenService;
import dev.tollgate.domain.service.GetDatabaseTokenService;
import dev.tollgate.domain.service.ListDatabaseTokensService;
import dev.tollgate.domain.service.ListManagementTokensService;
import dev.tollgate.domain.service.RevokeDatabaseTokensService;
import dev.tollgate.domain.service.RevokeManagementTokensService;
import dev.tollgate.domain.service.UpdateDatabaseTokenService;
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
  private final CreateDatabaseTokenUseCase createDatabaseToken;
  private final ListDatabaseTokensUseCase listDatabaseTokens;
  private final GetDatabaseTokenUseCase getDatabaseToken;
  private final UpdateDatabaseTokenUseCase updateDatabaseToken;
  private final RevokeDatabaseTokensUseCase revokeDatabaseTokens;
  private final AuthorizeUseCase authorize;

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
    this.createDatabaseToken = new CreateDatabaseTokenService(repository, clock, random, ids);
    this.listDatabaseTokens = new ListDatabaseTokensService(repository);
    this.getDatabaseToken = new GetDatabaseTokenService(repository);
    this.updateDatabaseToken = new UpdateDatabaseTokenService(repository, clock);
    this.revokeDatabaseTokens = new RevokeDatabaseTokensService(repository, clock);
    this.authorize = new AuthorizeService(repository, clock);
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

  public CreateDatabaseTokenUseCase createDatabaseToken() {
    return createDatabaseToken;
  }

  public ListDatabaseTokensUseCase listDatabaseTokens() {
    return listDatabaseTokens;
  }

  public GetDatabaseTokenUseCase getDatabaseToken() {
    return getDatabaseToken;
  }

  public UpdateDatabaseTokenUseCase updateDatabaseToken() {
    return updateDatabaseToken;
  }

  public RevokeDatabaseTokensUseCase revokeDatabaseTokens() {
    return revokeDatabaseTokens;
  }

  /** The data plane's authorizer over the same store and clock. */
  public AuthorizeUseCase authorize() {
    return authorize;
  }
}
