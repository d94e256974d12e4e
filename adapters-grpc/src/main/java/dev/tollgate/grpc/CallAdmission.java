package dev.tollgate.grpc;

import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounded, separate budgets for the data plane's Authorize and for the management API, so that
 * neither can starve the other and no flood can grow threads or queues without bound.
 *
 * <p>Each lane admits at most its number of calls in flight, decided when the stream opens on the
 * transport thread; a call over budget is answered {@code RESOURCE_EXHAUSTED} at once, without
 * waiting behind the lane's threads. Admitted calls run on the lane's fixed pool, so the work
 * queued there is bounded by the calls admitted. A permit is returned when the stream closes,
 * whichever way it closes. Health checks are never refused: a load balancer must always get an
 * answer.
 */
public final class CallAdmission extends ServerStreamTracer.Factory
    implements ServerCallExecutorSupplier, ServerInterceptor, AutoCloseable {

  /** How many calls each lane admits at once and how many threads run them. */
  public record Budgets(int authorizeCalls, int authorizeThreads, int managementCalls,
      int managementThreads) {

    public Budgets {
      for (int value : new int[] {authorizeCalls, authorizeThreads, managementCalls,
          managementThreads}) {
        if (value < 1) {
          throw new IllegalArgumentException("a call budget must be at least 1, not " + value);
        }
      }
    }
  }

  /** Set by the transport on a call over budget, naming its lane; never taken from a client. */
  private static final Metadata.Key<String> REFUSED =
      Metadata.Key.of("tollgate-internal-over-budget", Metadata.ASCII_STRING_MARSHALLER);

  private final Lane authorize;
  private final Lane management;

  public CallAdmission(Budgets budgets) {
    authorize = new Lane("Authorize", budgets.authorizeCalls(), budgets.authorizeThreads());
    management = new Lane("management", budgets.managementCalls(), budgets.managementThreads());
  }

  private Lane laneOf(String fullMethodName) {
    String service = fullMethodName.substring(0, Math.max(0, fullMethodName.lastIndexOf('/')));
    if (service.equals(HealthGrpc.SERVICE_NAME)) {
      return null;
    }
    return service.equals(IoxAuthorizerServiceGrpc.SERVICE_NAME) ? authorize : management;
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    headers.discardAll(REFUSED);
    Lane lane = laneOf(fullMethodName);
    if (lane == null) {
      return NO_TRACE;
    }
    if (!lane.permits.tryAcquire()) {
      headers.put(REFUSED, lane.name);
      return NO_TRACE;
    }
    AtomicBoolean released = new AtomicBoolean();
    return new ServerStreamTracer() {
      @Override
      public void streamClosed(Status status) {
        if (released.compareAndSet(false, true)) {
          lane.permits.release();
        }
      }
    };
  }

  @Override
  public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
    Lane lane = laneOf(call.getMethodDescriptor().getFullMethodName());
    // refusing and health checks take no time: they run where the call was looked up
    return lane == null || headers.containsKey(REFUSED) ? Runnable::run : lane.threads;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String refused = headers.get(REFUSED);
    if (refused == null) {
      return next.startCall(call, headers);
    }
    Lane lane = refused.equals(authorize.name) ? authorize : management;
    call.close(Status.RESOURCE_EXHAUSTED.withDescription("this server has " + lane.limit + " "
        + lane.name + " calls in flight, its limit; retry with backoff, or on another replica"),
        new Metadata());
    return new ServerCall.Listener<>() {};
  }

  @Override
  public void close() throws InterruptedException {
    for (Lane lane : new Lane[] {authorize, management}) {
      lane.threads.shutdown();
      lane.threads.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static final ServerStreamTracer NO_TRACE = new ServerStreamTracer() {};

  private static final class Lane {
    final String name;
    final int limit;
    final Semaphore permits;
    final ExecutorService threads;

    Lane(String name, int limit, int threads) {
      this.name = name;
      this.limit = limit;
      this.permits = new Semaphore(limit);
      this.threads = Executors.newFixedThreadPool(threads, DaemonThreads.named("tollgate-"
          + name.toLowerCase(Locale.ROOT)));
    }
  }

}
