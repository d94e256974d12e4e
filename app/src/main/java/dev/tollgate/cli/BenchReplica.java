package dev.tollgate.cli;

import dev.tollgate.options.HostPort;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/** The channel to {@code tollgate bench --replica}, if given, opened before anything is created. */
record BenchReplica(ManagedChannel channel) implements AutoCloseable {

  static BenchReplica open(Connection connection, HostPort replica) {
    return new BenchReplica(replica == null ? null
        : connection.newLoadChannel(replica.host(), replica.port()));
  }

  @Override
  public void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
