package dev.tollgate.app;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Netty on the configured address, TLS on the server's {@link ServerKeys} if it has any, with
 * every resource of a connection bounded: the calls per connection, RST_STREAM floods ("rapid
 * reset"), keepalive pings, and the life of idle and old connections. What every transport gets is added by {@link ServerModule}.
 */
final class NettyTransport {

  /** Calls in flight on a connection past its age get this long to finish. */
  static final Duration CONNECTION_AGE_GRACE = Duration.ofSeconds(30);

  private NettyTransport() {}

  /** The builder on {@code config}'s address, with TLS on {@code keys} if there are any. */
  static ServerBuilder<?> builder(ServerConfig config, Optional<ServerKeys> keys) {
    ServerConfig.Calls calls = config.calls();
    ServerCredentials credentials = keys.map(ServerKeys::grpcCredentials)
        .orElseGet(InsecureServerCredentials::create);
    return NettyServerBuilder.forAddress(config.listen(), credentials)
        .maxConcurrentCallsPerConnection(calls.perConnection())
        .maxRstFramesPerWindow(calls.resetsPer10s(), 10)
        .keepAliveTime(calls.keepalive().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(calls.keepaliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveTime(calls.minClientPing().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionIdle(calls.connectionIdle().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAge(calls.connectionAge().toMillis(), TimeUnit.MILLISECONDS)
        .maxConnectionAgeGrace(CONNECTION_AGE_GRACE.toSeconds(), TimeUnit.SECONDS);
  }
}
