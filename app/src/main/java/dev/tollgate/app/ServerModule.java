package dev.tollgate.app;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.out.BootstrapTokenStore;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.domain.port.out.IdGenerator;
import dev.tollgate.domain.port.out.RandomSource;
import dev.tollgate.grpc.CallAdmission;
import dev.tollgate.grpc.CallLog;
import dev.tollgate.http.OAuthSignIn;
import dev.tollgate.oauth.OAuthSettings;
import dev.tollgate.oauth.OidcDiscovery;
import dev.tollgate.persistence.DatabaseSettings;
import io.grpc.ServerBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's real world but for what the component is handed (its configuration, its clock and
 * its transport): strong randomness, the bootstrap admin's file, call admission, metrics.
 */
@Module
final class ServerModule {

  /** Server reflection's calls at once: it serves people with grpcurl, not the data plane. */
  static final int REFLECTION_CALLS = 16;

  private ServerModule() {}

  @Provides
  static DatabaseSettings databaseSettings(ServerConfig config) {
    return config.database();
  }

  @Provides
  static Optional<OAuthSettings> oauthSettings(ServerConfig config) {
    return config.oauth();
  }

  /**
   * How the web console signs people in: the client of {@code --oauth-console-client-id} at the
   * endpoints the issuer's discovery document states; none without that option.
   *
   * @throws IllegalArgumentException naming the client id or scope that is not one, or the
   *     endpoint that is not https (or http on loopback)
   */
  @Provides
  @Singleton
  static Optional<OAuthSignIn> consoleSignIn(ServerConfig config,
      Optional<OidcDiscovery> discovery) {
    return config.consoleClient().flatMap(client -> discovery.map(OidcDiscovery::signInEndpoints)
        .map(endpoints -> new OAuthSignIn(endpoints.issuer(), endpoints.authorization(),
            endpoints.token(), client.clientId(), client.scope())));
  }

  @Provides
  @Singleton
  static RandomSource randomSource() {
    SecureRandom random = new SecureRandom();
    return random::nextBytes;
  }

  @Provides
  @Singleton
  static IdGenerator idGenerator() {
    return () -> new TokenId(UUID.randomUUID());
  }

  @Provides
  @Singleton
  static BootstrapTokenStore bootstrapTokenStore(ServerConfig config) {
    return new FileBootstrapTokenStore(config.adminTokenFile(), FileBootstrapTokenStore.hostName());
  }

  @Provides
  @Singleton
  static CallAdmission callAdmission(ServerConfig config, Clock clock) {
    return new CallAdmission(new CallAdmission.Budgets(config.calls().authorizeInFlight(),
        config.calls().managementInFlight(), config.database().maxConnections(),
        REFLECTION_CALLS), config.calls().requestTimeout(), clock);
  }

  /** The call lanes' threads end with the server's other resources. */
  @Provides
  @IntoSet
  static AutoCloseable callLanes(CallAdmission admission) {
    return admission;
  }

  /**
   * The transport the server was handed (Netty on a port, or in-process in tests) with what every
   * transport gets: the call lanes and request timeout of {@link CallAdmission}, the call log
   * (first, so that refused calls are logged too) and the per-call metrics.
   */
  @Provides
  static ServerBuilder<?> serverBuilder(@Transport ServerBuilder<?> transport,
      CallAdmission admission, CallLog callLog, OpenTelemetry openTelemetry) {
    ServerBuilder<?> builder = admitted(transport, admission)
        .intercept(callLog); // added last, so it runs first
    ServerMetrics.instrument(builder, openTelemetry);
    return builder;
  }

  @SuppressWarnings("unchecked") // a ServerBuilder<T> is a T: its methods return this
  private static <T extends ServerBuilder<T>> ServerBuilder<?> admitted(ServerBuilder<T> transport,
      CallAdmission admission) {
    return admission.installOn((T) transport);
  }

  /** Metrics when {@code --metrics-listen} is given: its endpoint serves from now on. */
  @Provides
  @Singleton
  static OpenTelemetry openTelemetry(ServerConfig config) {
    return config.metricsListen().<OpenTelemetry>map(ServerMetrics::start)
        .orElse(OpenTelemetry.noop());
  }

  /** The metrics endpoint closes with the server's other resources. */
  @Provides
  @IntoSet
  static AutoCloseable closeMetrics(OpenTelemetry openTelemetry) {
    return openTelemetry instanceof OpenTelemetrySdk sdk ? sdk : () -> { };
  }
}
