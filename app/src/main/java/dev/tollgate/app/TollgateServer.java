package dev.tollgate.app;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC server with the canonical lifecycle: built from the builder it is handed (the Netty
 * one that {@code ServerModule} makes), started, then stopped gracefully.
 */
public final class TollgateServer {

  private static final Logger LOG = LoggerFactory.getLogger(TollgateServer.class);

  private final Server server;
  private final HealthStatusManager health;

  @Inject
  TollgateServer(ServerBuilder<?> builder, Set<ServerServiceDefinition> services,
      HealthStatusManager health) {
    services.forEach(builder::addService);
    this.server = builder.build();
    this.health = health;
  }

  /** Starts listening; health reports NOT_SERVING until {@link #markServing()}. */
  public void start() throws IOException {
    health.setStatus("", ServingStatus.NOT_SERVING);
    server.start();
  }

  /** Health reports SERVING from now on: the replica's tokens are loaded. */
  public void markServing() {
    health.setStatus("", ServingStatus.SERVING);
  }

  /** The port the server listens on, useful when it was asked for port 0. */
  public int port() {
    return server.getPort();
  }

  /**
   * Reports NOT_SERVING, lets calls in flight finish for up to {@code grace}, then cancels the
   * rest.
   */
  public void stop(Duration grace) throws InterruptedException {
    health.enterTerminalState();
    server.shutdown();
    if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("calls still running after {} s; cancelling them", grace.toSeconds());
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Waits until the server has stopped. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }
}
