package dev.tollgate.grpc;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * One class of traffic with a budget of calls in flight, of which one connection may hold at most
 * a share, and the executor its calls run on.
 */
final class Lane {

  /** Why a call was not admitted. */
  enum Refusal { SERVER, CONNECTION }

  final String name;
  final int ordinal;
  final int limit;
  final int perConnection;
  final Executor executor;
  private final Semaphore permits;

  /** @param connectionsToFill how many connections at their share fill the lane */
  Lane(String name, int ordinal, int limit, int connectionsToFill, Executor executor) {
    this.name = name;
    this.ordinal = ordinal;
    this.limit = limit;
    this.perConnection = Math.max(1, limit / connectionsToFill);
    this.executor = executor;
    this.permits = new Semaphore(limit);
  }

  /** Takes a place for a call of the connection, or says why there is none. */
  Refusal admit(ConnectionCalls connection) {
    if (!permits.tryAcquire()) {
      return Refusal.SERVER;
    }
    if (!connection.take(ordinal, perConnection)) {
      permits.release();
      return Refusal.CONNECTION;
    }
    return null;
  }

  /** Returns the place a call of the connection held. */
  void release(ConnectionCalls connection) {
    permits.release();
    connection.give(ordinal);
  }

  /** What a refused caller is told. */
  String explain(Refusal refusal) {
    return refusal == Refusal.CONNECTION
        ? "this connection has " + perConnection + " " + name + " calls in flight, its share of"
            + " this server's " + limit + "; retry with backoff, or spread the calls over more"
            + " connections"
        : "this server has " + limit + " " + name + " calls in flight, its limit; retry with"
            + " backoff, or on another replica";
  }
}
