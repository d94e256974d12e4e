package dev.tollgate.app;

import dagger.Module;
import dagger.Provides;
import dev.tollgate.domain.live.ChangeFollower;
import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.domain.port.in.AuthorizeUseCase;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.GetReplicaStatusUseCase;
import dev.tollgate.domain.port.in.ListTokenEventsUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
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
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import dev.tollgate.domain.service.UseCases;
import dev.tollgate.grpc.DaemonThreads;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Hands the domain's use cases to the graph; they are wired in the domain's {@link UseCases}, the
 * same factory the in-memory embedding uses, so the domain itself needs no injection framework.
 */
@Module
final class DomainModule {

  private DomainModule() {}

  @Provides
  @Singleton
  static UseCases useCases(TokenRepository store, TokenEvents feed, Clock clock,
      RandomSource random, IdGenerator ids, IdentityProvider identityProvider,
      ServerConfig config) {
    // a lookup that missed is answered after a read of the feed on a thread of its own, so that
    // the thread that asked (a transport thread, for Authorize) never waits for the database
    Executor missRounds = Executors.newSingleThreadExecutor(DaemonThreads.named("tollgate-miss"));
    return new UseCases(store, feed, clock, random, ids, identityProvider,
        ChangeFollower.Settings.defaults().withPollInterval(config.following().pollInterval())
            .withMissRounds(missRounds),
        config.limits());
  }

  @Provides
  static Limits limits(UseCases useCases) {
    return useCases.limits();
  }

  @Provides
  static ProvisionBootstrapAdminUseCase provisionBootstrapAdmin(UseCases useCases,
      BootstrapTokenStore store) {
    return useCases.provisionBootstrapAdmin(store);
  }

  @Provides
  static CreateManagementTokenUseCase createManagementToken(UseCases useCases) {
    return useCases.createManagementToken();
  }

  @Provides
  static ListManagementTokensUseCase listManagementTokens(UseCases useCases) {
    return useCases.listManagementTokens();
  }

  @Provides
  static RevokeManagementTokensUseCase revokeManagementTokens(UseCases useCases) {
    return useCases.revokeManagementTokens();
  }

  @Provides
  static AuthenticateCallerUseCase authenticateCaller(UseCases useCases) {
    return useCases.authenticateCaller();
  }

  @Provides
  static CreateDatabaseTokenUseCase createDatabaseToken(UseCases useCases) {
    return useCases.createDatabaseToken();
  }

  @Provides
  static ListDatabaseTokensUseCase listDatabaseTokens(UseCases useCases) {
    return useCases.listDatabaseTokens();
  }

  @Provides
  static GetDatabaseTokenUseCase getDatabaseToken(UseCases useCases) {
    return useCases.getDatabaseToken();
  }

  @Provides
  static UpdateDatabaseTokenUseCase updateDatabaseToken(UseCases useCases) {
    return useCases.updateDatabaseToken();
  }

  @Provides
  static RevokeDatabaseTokensUseCase revokeDatabaseTokens(UseCases useCases) {
    return useCases.revokeDatabaseTokens();
  }

  @Provides
  static AuthorizeUseCase authorize(UseCases useCases) {
    return useCases.authorize();
  }

  @Provides
  static GetReplicaStatusUseCase replicaStatus(UseCases useCases) {
    return useCases.replicaStatus();
  }

  @Provides
  static RotateTokenUseCase rotateToken(UseCases useCases) {
    return useCases.rotateToken();
  }

  @Provides
  static ListTokenEventsUseCase tokenEvents(UseCases useCases) {
    return useCases.tokenEvents();
  }
}
