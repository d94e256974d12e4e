package dev.tollgate.cli;

import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/** The channel to {@code tollgate bench --replica}, if given, opened before anything is created. */
record BenchReplica(ManagedChannel channel) implements AutoCloseable {

  static BenchReplica open(Connection connection, String replica) {
    if (replica == null) {
      return new BenchReplica(null);
    }
    String text = replica.strip();
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = colon < 0 ? -1 : Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw new CliException("--replica \"" + replica + "\" is not an address; expected"
          + " HOST:PORT such as 10.0.0.2:8091");
    }
    return new BenchReplica(connection.newLoadChannel(host, port));
  }

  @Override
  public void close() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
