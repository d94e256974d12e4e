package dev.tollgate.app;

import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.domain.service.UseCases;
import dev.tollgate.http.ClusterIds;
import dev.tollgate.http.HttpServer;
import dev.tollgate.http.HttpSettings;
import dev.tollgate.http.OAuthSignIn;
import dev.tollgate.options.HostPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the server, from a checked configuration: start, serve until the process is told
 * to stop (the shutdown hook), then stop gracefully; and the ready file while it serves.
 */
final class ServerRun {

  private static final Logger LOG = LoggerFactory.getLogger(ServerRun.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final ServerConfig config;
  private final ProvisionBootstrapAdminUseCase.Change bootstrapChange;
  private final Optional<ReadyFile> readyFile;

  ServerRun(ServerConfig config, ProvisionBootstrapAdminUseCase.Change bootstrapChange,
      Optional<ReadyFile> readyFile) {
    this.config = config;
    this.bootstrapChange = bootstrapChange;
    this.readyFile = readyFile;
  }

  /** Serves until the process is told to stop; the data directory must be prepared. */
  void serve() throws InterruptedException {
    DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDirectory());
    // one set of keys for both doors, so that a replaced certificate reaches both
    Optional<ServerKeys> keys = ServerKeys.load(config, SystemClock.CLOCK);
    ServerComponent component = DaggerServerComponent.factory().create(config, SystemClock.CLOCK,
        NettyTransport.builder(config, keys));
    BootstrapAdminReport.log(config.adminTokenFile(), config.oauth().isPresent(),
        component.provisionBootstrapAdmin().provision(new ProvisionBootstrapAdminUseCase.Command(
            config.oauth().isEmpty(), bootstrapChange)));
    TollgateServer server = listen(component.server());
    Optional<HttpServer> http = config.httpListen().map(address -> listenHttp(address,
        config.cluster(), component.consoleSignIn(), component.useCases(), keys));
    Replica replica = component.replica();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop(server, http, replica, component);
      keys.ifPresent(ServerKeys::close);
    }, "tollgate-shutdown"));
    long loadStarted = System.nanoTime();
    replica.start();
    ServerMetrics.observe(component.openTelemetry(), replica, component.dataSource());
    config.metricsListen().ifPresent(metrics -> LOG.info("metrics at http://{}:{}/metrics",
        metrics.getHostString(), metrics.getPort()));
    server.markServing();
    LOG.atInfo().addKeyValue("live_tokens", replica.liveTokens())
        .addKeyValue("load_ms", (System.nanoTime() - loadStarted) / 1_000_000)
        .log("Tollgate serving");
    List<String> addresses = new ArrayList<>(List.of(hostPort(server.port())));
    http.ifPresent(door -> addresses.add(scheme(keys) + new HostPort(config.httpListen()
        .orElseThrow().getHostString(), door.port())));
    readyFile.ifPresent(file -> file.write(addresses));
    server.awaitTermination();
    lock.release();
  }

  /** Starts the server listening; health says NOT_SERVING until the tokens are loaded. */
  private TollgateServer listen(TollgateServer server) {
    try {
      server.start();
    } catch (IOException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new UncheckedIOException("cannot listen on " + hostPort(config.listen().getPort())
          + ": " + cause.getMessage() + "; is something else using the port? choose another"
          + " --listen", e);
    }
    LOG.info("Tollgate listening on {} ({}), database {}; loading tokens",
        hostPort(server.port()),
        config.tls() instanceof ServerConfig.Tls.Disabled ? "plaintext" : "TLS",
        config.database().describe());
    return server;
  }

  /**
   * Starts the Management HTTP API listening, on the use cases the gRPC door serves, over TLS on
   * the same keys when there are any.
   */
  private static HttpServer listenHttp(InetSocketAddress address, Optional<ClusterIds> cluster,
      Optional<OAuthSignIn> signIn, UseCases useCases, Optional<ServerKeys> keys) {
    HttpSettings settings = HttpSettings.defaults(address);
    settings = cluster.map(settings::withCluster).orElse(settings);
    settings = signIn.map(settings::withSignIn).orElse(settings);
    HttpServer http = new HttpServer(settings, useCases, keys.map(ServerKeys::sslContext));
    HostPort asked = new HostPort(address.getHostString(), address.getPort());
    try {
      http.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + asked + " for --http-listen: "
          + e.getMessage() + "; choose another --http-listen", e);
    }
    LOG.info("Management HTTP API v0 at {}{}/api/v0", scheme(keys),
        new HostPort(address.getHostString(), http.port()));
    signIn.ifPresent(oauth -> LOG.info("console signs in at {} as client {}",
        oauth.authorizationEndpoint(), oauth.clientId()));
    return http;
  }

  /** How the HTTP door's address is written: {@code https://} with TLS, else {@code http://}. */
  private static String scheme(Optional<ServerKeys> keys) {
    return keys.isPresent() ? "https://" : "http://";
  }

  /** The address it listens on, as {@code --listen} writes it, with the port it has. */
  private String hostPort(int port) {
    return new HostPort(config.listen().getHostString(), port).toString();
  }

  private void stop(TollgateServer server, Optional<HttpServer> http, Replica replica,
      ServerComponent component) {
    readyFile.ifPresent(ReadyFile::remove);
    LOG.info("stopping: finishing calls in flight");
    http.ifPresent(HttpServer::close);
    try {
      server.stop(SHUTDOWN_GRACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    replica.stop();
    for (AutoCloseable resource : component.resources()) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", resource, e.getMessage());
      }
    }
    LOG.info("stopped");
  }
}
