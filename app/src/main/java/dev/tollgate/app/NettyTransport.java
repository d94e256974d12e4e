package dev.tollgate.app;

import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.net.DaemonThreads;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.util.AdvancedTlsX509KeyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Netty on the configured address, TLS as configured, with every resource of a connection
 * bounded: the calls per connection, RST_STREAM floods ("rapid reset"), keepalive pings, and the
 * life of idle and old connections. What every transport gets is added by {@link ServerModule}.
 */
final class NettyTransport {

  /** How often the TLS certificate and key files are checked for a replacement. */
  static final Duration TLS_RELOAD = Duration.ofMinutes(1);
  /** Calls in flight on a connection past its age get this long to finish. */
  static final Duration CONNECTION_AGE_GRACE = Duration.ofSeconds(30);

  private NettyTransport() {}

  static ServerBuilder<?> builder(ServerConfig config, Clock clock) {
    ServerConfig.Calls calls = config.calls();
    return NettyServerBuilder.forAddress(config.listen(), credentials(config, clock))
        .maxConcurrentCallsPerConnection(calls.perConnection())
        .maxRstFramesPerWindow(calls.resetsPer10s(), 10)
        .keepAliveTime(calls.keepalive().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(calls.keepaliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveTime(calls.minClientPing().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionIdle(calls.connectionIdle().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAge(calls.connectionAge().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAgeGrace(CONNECTION_AGE_GRACE.toSeconds(), TimeUnit.SECONDS);
  }

  private static ServerCredentials credentials(ServerConfig config, Clock clock) {
    ServerConfig.Tls tls = config.tls();
    ScheduledExecutorService files = null;
    if (tls instanceof ServerConfig.Tls.SelfSigned) {
      Path directory = config.dataDirectory();
      String host = config.listen().getHostString();
      tls = SelfSignedCertificate.ensure(directory, host, clock.now());
      files = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tollgate-tls"));
      // renewed a month before it expires, while the server runs; picked up below
      files.scheduleWithFixedDelay(() -> SelfSignedCertificate.ensure(directory, host,
          clock.now()), 12, 12, TimeUnit.HOURS);
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
