package dev.tollgate.app;

import dagger.Module;
import dagger.Provides;
import dev.tollgate.domain.live.FollowerSettings;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.domain.port.out.TokenEvents;
import dev.tollgate.domain.port.out.TokenRepository;
import dev.tollgate.domain.service.UseCases;
import dev.tollgate.net.DaemonThreads;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The domain in the graph: its use cases are wired in the domain's {@link UseCases}, the same
 * factory the in-memory embedding and the tests use, and the adapters take them from there; the
 * domain itself needs no injection framework.
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
        FollowerSettings.defaults().withPollInterval(config.following().pollInterval())
            .withMissRounds(missRounds),
        config.limits());
  }

  @Provides
  static ProvisionBootstrapAdminUseCase provisionBootstrapAdmin(UseCases useCases,
      BootstrapTokenStore store) {
    return useCases.provisionBootstrapAdmin(store);
  }
}
