package dev.tollgate.grpc;

import io.grpc.Attributes;
import io.grpc.ServerTransportFilter;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The calls one connection holds in each lane. Each connection gets its own when it is ready, as
 * an attribute of the transport, so it lives exactly as long as the connection: nothing is kept
 * per client, and nothing has to be forgotten when a connection closes.
 */
final class ConnectionCalls {

  static final Attributes.Key<ConnectionCalls> KEY = Attributes.Key.create("tollgate-calls");

  /** Gives every new connection its counts. */
  static final ServerTransportFilter FILTER = new ServerTransportFilter() {
    @Override
    public Attributes transportReady(Attributes transport) {
      return transport.toBuilder().set(KEY, new ConnectionCalls()).build();
    }
  };

  private final AtomicIntegerArray held = new AtomicIntegerArray(CallAdmission.LANES);

  /** The counts of a call's connection; a transport without them counts as one shared connection. */
  static ConnectionCalls of(Attributes transport) {
    ConnectionCalls calls = transport == null ? null : transport.get(KEY);
    return calls != null ? calls : UNKNOWN;
  }

  private static final ConnectionCalls UNKNOWN = new ConnectionCalls();

  /** Counts a call in the lane unless the connection holds {@code share} there already. */
  boolean take(int lane, int share) {
    while (true) {
      int now = held.get(lane);
      if (now >= share) {
        return false;
      }
      if (held.compareAndSet(lane, now, now + 1)) {
        return true;
      }
    }
  }

  void give(int lane) {
    held.decrementAndGet(lane);
  }
}
