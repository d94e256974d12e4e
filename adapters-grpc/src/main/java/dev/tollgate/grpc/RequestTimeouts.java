package dev.tollgate.grpc;

import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.net.DaemonThreads;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Closes a call whose request has not arrived within the timeout of its start, so that a stream
 * that sends nothing cannot hold its place in a budget. The request has arrived when the client
 * half-closes, or, for a method the client streams to, with its first message. Only calls still
 * waiting are held here (so no more than the budgets admit), and a call is closed by at most one
 * party: it leaves the waiting state once, either because its request came or because it is
 * overdue, and after that the timeout never touches it.
 */
final class RequestTimeouts implements AutoCloseable {

  private static final int WAITING = 0;
  private static final int ARRIVED = 1;
  private static final int OVERDUE = 2;
  private static final int ENDED = 3;

  private final long timeoutMillis;
  private final Clock clock;
  private final Status overdue;
  private final Set<Waiting<?, ?>> waiting = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
      DaemonThreads.named("tollgate-request-timeout"));

  RequestTimeouts(Duration timeout, Clock clock) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a request timeout must be positive, not " + timeout);
    }
    this.timeoutMillis = timeout.toMillis();
    this.clock = clock;
    this.overdue = Status.DEADLINE_EXCEEDED.withDescription("no request arrived within "
        + (timeoutMillis % 1000 == 0 ? timeoutMillis / 1000 + " s" : timeoutMillis + " ms")
        + " of the call's start, this server's request timeout; send the request with the call");
    long tick = Math.min(1_000, Math.max(10, timeoutMillis / 10));
    sweeper.scheduleWithFixedDelay(this::closeOverdue, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** Starts the call, watched until its request arrives. */
  <Q, R> ServerCall.Listener<Q> start(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Waiting<Q, R> watched = new Waiting<>(call, clock.now().toEpochMilli());
    ServerCall.Listener<Q> listener = next.startCall(watched, headers);
    // no message can arrive before the listener is returned: it is safe to watch from here on
    if (!watched.closed) {
      waiting.add(watched);
    }
    return watched.listening(listener);
  }

  /** Closes every call still waiting for its request after the timeout. */
  void closeOverdue() {
    long now = clock.now().toEpochMilli();
    for (Waiting<?, ?> call : waiting) {
      if (now - call.startedAt >= timeoutMillis && call.leave(OVERDUE)) {
        call.close(overdue, new Metadata());
      }
    }
  }

  /** Calls waiting for their request now. */
  int waiting() {
    return waiting.size();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }

  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<Waiting> STATE =
      AtomicIntegerFieldUpdater.newUpdater(Waiting.class, "state");

  /** A call and its listener as seen by the timeout. */
  private final class Waiting<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {

    final long startedAt;
    volatile int state = WAITING;
    boolean closed;

    Waiting(ServerCall<Q, R> call, long startedAt) {
      super(call);
      this.startedAt = startedAt;
    }

    /** Leaves the waiting state for another; true only for the one that does. */
    @SuppressWarnings("unchecked")
    boolean leave(int next) {
      if (STATE.compareAndSet(this, WAITING, next)) {
        waiting.remove(this);
        return true;
      }
      return false;
    }

    boolean arrived() {
      return leave(ARRIVED) || state == ARRIVED;
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      if (!closed) {
        closed = true;
        super.close(status, trailers);
      }
    }

    ServerCall.Listener<Q> listening(ServerCall.Listener<Q> next) {
      boolean clientStreams = !getMethodDescriptor().getType().clientSendsOneMessage();
      return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next) {
        @Override
        public void onMessage(Q message) {
          if (clientStreams ? arrived() : state != OVERDUE) {
            super.onMessage(message);
          }
        }

        @Override
        public void onHalfClose() {
          if (arrived()) {
            super.onHalfClose();
          }
        }

        @Override
        public void onCancel() {
          leave(ENDED);
          super.onCancel();
        }

        @Override
        public void onComplete() {
          leave(ENDED);
          super.onComplete();
        }
      };
    }
  }
}
