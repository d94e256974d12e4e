package dev.tollgate.domain.service;

import dev.tollgate.domain.live.ChangeFollower;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.live.IndexedTokenRepository;
import dev.tollgate.domain.live.LastUsedLog;
import dev.tollgate.domain.live.LiveTokenIndex;
import dev.tollgate.domain.live.Reconciler;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.BackUpStoreUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.GetManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetReplicaStatusUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.in.ListTokenEventsUseCase;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.StoreBackups;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;

/**
 * Tollgate's use cases wired from its driven ports, in one place for the server, the in-memory
 * embedding and the tests: the services write through this replica's live index and read tokens
 * from it, and the follower keeps it in step with the store.
 */
public final class UseCases {

  private final RotateTokenUseCase rotateToken;
  private final ListTokenEventsUseCase tokenEvents;
  private final Limits limits;
  private final RevokedTokenPurger purger;
  private final LiveTokenIndex index = new LiveTokenIndex();
  private final TokenRepository repository;
  private final Clock clock;
  private final RandomSource random;
  private final ChangeFollower follower;
  private final Reconciler reconciler;
  private final LastUsedLog lastUsed;
  private final CreateManagementTokenUseCase createManagementToken;
  private final ListManagementTokensUseCase listManagementTokens;
  private final RevokeManagementTokensUseCase revokeManagementTokens;
  private final AuthenticateCallerUseCase authenticateCaller;
  private final CreateDatabaseTokenUseCase createDatabaseToken;
  private final ListDatabaseTokensUseCase listDatabaseTokens;
  private final GetDatabaseTokenUseCase getDatabaseToken;
  private final GetManagementTokenUseCase getManagementToken;
  private final UpdateDatabaseTokenUseCase updateDatabaseToken;
  private final RevokeDatabaseTokensUseCase revokeDatabaseTokens;
  private final AuthorizeUseCase authorize;
  private final GetReplicaStatusUseCase replicaStatus;

  /**
   * Wires everything; nothing is read until {@link ChangeFollower#load()}. With any settings but
   * {@link FollowerSettings#immediate()}, lookups that miss while the follower backs off
   * wait for its {@link ChangeFollower#tick()}: whoever builds this must call it often (the server
   * does every 5 ms).
   */
  public UseCases(TokenRepository store, TokenEvents feed, Clock clock, RandomSource random,
      IdGenerator ids, IdentityProvider identityProvider, FollowerSettings settings) {
    this(store, feed, clock, random, ids, identityProvider, settings, Limits.defaults());
  }

  /** The same, with the request limits of {@code limits} instead of the defaults. */
  public UseCases(TokenRepository store, TokenEvents feed, Clock clock, RandomSource random,
      IdGenerator ids, IdentityProvider identityProvider, FollowerSettings settings,
      Limits limits) {
    this.limits = limits;
    this.lastUsed = new LastUsedLog(store);
    this.repository = new IndexedTokenRepository(store, index, lastUsed);
    this.clock = clock;
    this.random = random;
    this.follower = new ChangeFollower(store, feed, index, clock, settings);
    this.reconciler = new Reconciler(store, index, follower);
    TokenLookup lookup = new TokenLookup(index, follower);
    this.createManagementToken = new CreateManagementTokenService(repository, clock, random, ids,
        limits);
    this.listManagementTokens = new ListManagementTokensService(repository);
    this.revokeManagementTokens = new RevokeManagementTokensService(repository, clock, limits);
    this.authenticateCaller = new AuthenticateCallerService(lookup, clock, identityProvider, lastUsed);
    this.createDatabaseToken = new CreateDatabaseTokenService(repository, clock, random, ids, limits);
    this.listDatabaseTokens = new ListDatabaseTokensService(repository);
    this.getDatabaseToken = new GetDatabaseTokenService(repository);
    this.getManagementToken = new GetManagementTokenService(repository);
    this.updateDatabaseToken = new UpdateDatabaseTokenService(repository, clock, limits);
    this.revokeDatabaseTokens = new RevokeDatabaseTokensService(repository, clock, limits);
    this.authorize = new AuthorizeService(lookup, clock, lastUsed, limits);
    this.replicaStatus = new GetReplicaStatusService(follower, feed);
    this.tokenEvents = new ListTokenEventsService(feed);
    this.rotateToken = new RotateTokenService(repository, clock, random);
    this.purger = new RevokedTokenPurger(repository, clock);
  }

  /** Provisions the bootstrap admin credential kept in {@code store}, registering it here too. */
  public ProvisionBootstrapAdminUseCase provisionBootstrapAdmin(BootstrapTokenStore store) {
    return new ProvisionBootstrapAdminService(repository, store, clock, random);
  }

  /** Backs up the store through {@code backups}, for the callers the caller table lets. */
  public BackUpStoreUseCase backUpStore(StoreBackups backups) {
    return new BackUpStoreService(backups, clock);
  }

  /** Deletes long-revoked tokens, this replica's index included. */
  public RevokedTokenPurger purger() {
    return purger;
  }

  /** How much one request may ask for. */
  public Limits limits() {
    return limits;
  }

  public LiveTokenIndex index() {
    return index;
  }

  public ChangeFollower follower() {
    return follower;
  }

  public Reconciler reconciler() {
    return reconciler;
  }

  public LastUsedLog lastUsed() {
    return lastUsed;
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

  public GetManagementTokenUseCase getManagementToken() {
    return getManagementToken;
  }

  public UpdateDatabaseTokenUseCase updateDatabaseToken() {
    return updateDatabaseToken;
  }

  public RevokeDatabaseTokensUseCase revokeDatabaseTokens() {
    return revokeDatabaseTokens;
  }

  public AuthorizeUseCase authorize() {
    return authorize;
  }

  public RotateTokenUseCase rotateToken() {
    return rotateToken;
  }

  public ListTokenEventsUseCase tokenEvents() {
    return tokenEvents;
  }

  public GetReplicaStatusUseCase replicaStatus() {
    return replicaStatus;
  }
}
