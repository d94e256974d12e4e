package dev.tollgate.app;

import com.zaxxer.hikari.HikariDataSource;
import dagger.BindsInstance;
import dagger.Component;
import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.service.UseCases;
import dev.tollgate.grpc.GrpcModule;
import dev.tollgate.http.OAuthSignIn;
import dev.tollgate.oauth.OAuthModule;
import dev.tollgate.persistence.PersistenceModule;
import io.grpc.ServerBuilder;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/** The whole server, wired from one {@link ServerConfig}. */
@Singleton
@Component(modules = {ServerModule.class, DomainModule.class, PersistenceModule.class,
    GrpcModule.class, OAuthModule.class})
interface ServerComponent {

  TollgateServer server();

  ProvisionBootstrapAdminUseCase provisionBootstrapAdmin();

  /** The domain's use cases, as the server wires them. */
  UseCases useCases();

  Replica replica();

  /** How the web console signs people in at the identity provider, if it does. */
  Optional<OAuthSignIn> consoleSignIn();

  /** The metrics SDK when {@code --metrics-listen} is given, else a no-op. */
  OpenTelemetry openTelemetry();

  /** The connection pool, for its metrics. */
  HikariDataSource dataSource();

  /** What must be closed once the server has stopped, such as the connection pool. */
  Set<AutoCloseable> resources();

  /** Builds the component for a configuration. */
  @Component.Factory
  interface Factory {
    /**
     * @param clock the time every part of the server reads
     * @param transport where it serves: {@link NettyTransport#builder} on a port, or an
     *     in-process builder in tests
     */
    ServerComponent create(@BindsInstance ServerConfig config, @BindsInstance Clock clock,
        @BindsInstance @Transport ServerBuilder<?> transport);
  }
}
