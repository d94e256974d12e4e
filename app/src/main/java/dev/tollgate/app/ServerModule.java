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
import dev.tollgate.grpc.DaemonThreads;
import dev.tollgate.grpc.OAuthSettings;
import dev.tollgate.persistence.DatabaseSettings;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.util.AdvancedTlsX509KeyManager;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The server's real world: configuration, the system clock, strong randomness, Netty on a port. */
@Module
final class ServerModule {

  /** How often the TLS certificate and key files are checked for a replacement. */
  static final Duration TLS_RELOAD = Duration.ofMinutes(1);
  /** Server reflection's calls at once: it serves people with grpcurl, not the data plane. */
  static final int REFLECTION_CALLS = 16;
  /** Calls in flight on a connection past its age get this long to finish. */
  static final Duration CONNECTION_AGE_GRACE = Duration.ofSeconds(30);

  private ServerModule() {}

  @Provides
  static DatabaseSettings databaseSettings(ServerConfig config) {
    return config.database();
  }

  @Provides
  static Optional<OAuthSettings> oauthSettings(ServerConfig config) {
    return config.oauth();
  }

  @Provides
  @Singleton
  static Clock clock() {
    return Instant::now;
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
   * Netty with every resource bounded: the calls of each lane and the time a call may take to
   * send its request (see {@link CallAdmission}), the calls per connection, RST_STREAM floods
   * ("rapid reset"), keepalive pings, and the life of idle and old connections.
   */
  @Provides
  static ServerBuilder<?> serverBuilder(ServerConfig config, CallAdmission admission,
      CallLog callLog, OpenTelemetry openTelemetry) {
    ServerConfig.Calls calls = config.calls();
    ServerBuilder<?> builder = admission.installOn(
        NettyServerBuilder.forAddress(config.listen(), credentials(config)))
        .intercept(callLog) // added last, so it runs first: refused calls are logged too
        .maxConcurrentCallsPerConnection(calls.perConnection())
        .maxRstFramesPerWindow(calls.resetsPer10s(), 10)
        .keepAliveTime(calls.keepalive().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(calls.keepaliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveTime(calls.minClientPing().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionIdle(calls.connectionIdle().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAge(calls.connectionAge().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAgeGrace(CONNECTION_AGE_GRACE.toSeconds(), TimeUnit.SECONDS);
    ServerMetrics.instrument(builder, openTelemetry);
    return builder;
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


  private static ServerCredentials credentials(ServerConfig config) {
    ServerConfig.Tls tls = config.tls();
    ScheduledExecutorService files = null;
    if (tls instanceof ServerConfig.Tls.SelfSigned) {
      Path directory = config.dataDirectory();
      String host = config.listen().getHostString();
      tls = SelfSignedCertificate.ensure(directory, host, Instant.now());
      files = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tollgate-tls"));
      // renewed a month before it expires, while the server runs; picked up below
      files.scheduleWithFixedDelay(() -> SelfSignedCertificate.ensure(directory, host,
          Instant.now()), 12, 12, TimeUnit.HOURS);
    }
    if (tls instanceof ServerConfig.Tls.Files pem) {
      try {
        AdvancedTlsX509KeyManager keys = new AdvancedTlsX509KeyManager();
        keys.updateIdentityCredentials(pem.certificate().toFile(), pem.privateKey().toFile());
        if (files == null) {
          files = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tollgate-tls"));
        }
        // a replaced certificate (renewed above, or by cert-manager) is served within a minute
        keys.updateIdentityCredentials(pem.certificate().toFile(), pem.privateKey().toFile(),
            TLS_RELOAD.toSeconds(), TimeUnit.SECONDS, files);
        return TlsServerCredentials.newBuilder().keyManager(keys).build();
      } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
        throw new UncheckedIOException(new IOException("cannot use TLS certificate "
            + pem.certificate() + " with key " + pem.privateKey() + ": " + e.getMessage()
            + "; expected PEM files, the key in PKCS#8", e));
      }
    }
    return InsecureServerCredentials.create();
  }
}
