package dev.tollgate.grpc;

import com.google.common.util.concurrent.MoreExecutors;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.net.DaemonThreads;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import io.grpc.Metadata;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Which calls a server takes on, and on which thread each runs: bounded, separate budgets for the
 * data plane's Authorize, the management API and server reflection, of which one connection may
 * hold a quarter (half of the management API's); and a bound on how long a call may take to send
 * its request.
 *
 * <p>A call is admitted or refused on the thread its stream arrives on, before it is started; one
 * over a budget is answered {@code RESOURCE_EXHAUSTED} there at once. Authorize and health checks
 * run where they arrive, the transport's thread, as their answers come from memory (a lookup
 * that must wait for the database continues on a thread of the domain's); the management API runs
 * on its pool, as large as the database's, and reflection on a thread of its own. A call's place
 * is returned when its stream closes, whichever way it closes. Health checks are never refused:
 * a load balancer must always get an answer.
 */
public final class CallAdmission extends ServerStreamTracer.Factory
    implements ServerCallExecutorSupplier, ServerInterceptor, AutoCloseable {

  /** How many lanes there are. */
  static final int LANES = 3;

  /**
   * How many calls each lane admits at once, and how many threads run the management API's.
   *
   * @param reflectionCalls server reflection's budget, small: it is for people with grpcurl
   */
  public record Budgets(int authorizeCalls, int managementCalls, int managementThreads,
      int reflectionCalls) {

    public Budgets {
      for (int value : new int[] {authorizeCalls, managementCalls, managementThreads,
          reflectionCalls}) {
        if (value < 1) {
          throw new IllegalArgumentException("a call budget must be at least 1, not " + value);
        }
      }
    }
  }

  /** Set on a call over budget, saying why; never taken from a client. */
  static final Metadata.Key<String> REFUSED =
      Metadata.Key.of("tollgate-internal-over-budget", Metadata.ASCII_STRING_MARSHALLER);
  /** The very executor ServerBuilder.directExecutor() sets, so a call's executor never changes. */
  private static final Executor WHERE_IT_ARRIVES = MoreExecutors.directExecutor();

  private final ExecutorService managementThreads;
  private final ExecutorService reflectionThread;
  private final Lane authorize;
  private final Lane management;
  private final Lane reflection;
  private final RequestTimeouts requestTimeouts;

  public CallAdmission(Budgets budgets, Duration requestTimeout, Clock clock) {
    managementThreads = Executors.newFixedThreadPool(budgets.managementThreads(),
        DaemonThreads.named("tollgate-management"));
    reflectionThread = Executors.newSingleThreadExecutor(DaemonThreads.named("tollgate-reflection"));
    // a quarter each, but half of the management API's: only an authenticated caller holds a
    // place there past the call's start, and one bulk client may well use one connection
    authorize = new Lane("Authorize", 0, budgets.authorizeCalls(), 4, WHERE_IT_ARRIVES);
    management = new Lane("management", 1, budgets.managementCalls(), 2, managementThreads);
    reflection = new Lane("reflection", 2, budgets.reflectionCalls(), 4, reflectionThread);
    requestTimeouts = new RequestTimeouts(requestTimeout, clock);
  }

  /**
   * Puts this admission in charge of the server's calls. The server's own executor becomes the
   * transport's thread, so that looking a call up and admitting it takes no thread hop either.
   * Interceptors added after this one run before it.
   */
  public <T extends ServerBuilder<T>> T installOn(T builder) {
    return builder.directExecutor().callExecutor(this).addStreamTracerFactory(this)
        .addTransportFilter(ConnectionCalls.FILTER).intercept(this);
  }

  private Lane laneOf(String fullMethodName) {
    String service = fullMethodName.substring(0, Math.max(0, fullMethodName.lastIndexOf('/')));
    if (service.equals(HealthGrpc.SERVICE_NAME)) {
      return null;
    }
    return service.equals(IoxAuthorizerServiceGrpc.SERVICE_NAME) ? authorize
        : service.startsWith("grpc.reflection.") ? reflection : management;
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    headers.discardAll(REFUSED);
    Lane lane = laneOf(fullMethodName);
    return lane == null ? NO_TRACE : new LaneTracer(lane, headers);
  }

  @Override
  public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
    Lane lane = laneOf(call.getMethodDescriptor().getFullMethodName());
    // refusing and health checks take no time: they run where the call arrived
    return lane == null || headers.containsKey(REFUSED) ? WHERE_IT_ARRIVES : lane.executor;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String refused = headers.get(REFUSED);
    if (refused == null) {
      return requestTimeouts.start(call, headers, next);
    }
    Lane lane = laneOf(call.getMethodDescriptor().getFullMethodName());
    call.close(Status.RESOURCE_EXHAUSTED.withDescription(
        lane.explain(Lane.Refusal.valueOf(refused))), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  /** Closes the calls that have not sent their request in time; runs on its own schedule too. */
  void closeOverdue() {
    requestTimeouts.closeOverdue();
  }

  @Override
  public void close() throws InterruptedException {
    requestTimeouts.close();
    for (ExecutorService threads : new ExecutorService[] {managementThreads, reflectionThread}) {
      threads.shutdown();
      threads.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static final ServerStreamTracer NO_TRACE = new ServerStreamTracer() {};
}
