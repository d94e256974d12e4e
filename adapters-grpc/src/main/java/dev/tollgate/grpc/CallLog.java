package dev.tollgate.grpc;

import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.port.out.Clock;
import dev.tollgate.proto.authz.v1.IoxAuthorizerServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthGrpc;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log event per call with its fields as fields (slf4j key-values, never text to be parsed
 * back): {@code rpc}, {@code status}, {@code duration_ms}, {@code caller}, {@code error_id} when
 * the call failed with INTERNAL (the id its message carries), and {@code reason} when it was
 * refused. The management API's calls are logged at INFO, refusals (unauthenticated, not allowed,
 * over budget, request too late) at most {@link RefusalLog#LINES_PER_SECOND} a second; the data
 * plane's Authorize and the health checks, tens of thousands a second, at DEBUG. The caller is its
 * subject ({@code user:ID}, {@code bootstrap-admin}, {@code management-token:ID}), never a
 * credential.
 */
@Singleton
public final class CallLog implements ServerInterceptor {

  /** The logger of the call log. */
  public static final String LOGGER = "CallLog";

  private static final Context.Key<Entry> ENTRY = Context.key("tollgate-call-log");
  private static final Set<Status.Code> REFUSALS = EnumSet.of(Status.Code.UNAUTHENTICATED,
      Status.Code.PERMISSION_DENIED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.DEADLINE_EXCEEDED);

  private final Logger log;
  private final RefusalLog refusals;

  /** What the services learn about the call as it runs. */
  private static final class Entry {
    volatile String caller = "none";
    volatile String errorId;
  }

  @Inject
  public CallLog(Clock clock) {
    this(clock, LoggerFactory.getLogger(LOGGER));
  }

  CallLog(Clock clock, Logger log) {
    this.log = log;
    this.refusals = new RefusalLog(clock, log::info);
  }

  /** Notes who the current call's caller is (from the caller interceptor). */
  static void caller(Caller caller) {
    Entry entry = ENTRY.get();
    if (entry != null) {
      entry.caller = caller.subject();
    }
  }

  /** Notes the error id the current call's INTERNAL answer carries. */
  static void errorId(String errorId) {
    Entry entry = ENTRY.get();
    if (entry != null) {
      entry.errorId = errorId;
    }
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    long start = System.nanoTime();
    String rpc = call.getMethodDescriptor().getFullMethodName();
    String service = call.getMethodDescriptor().getServiceName();
    boolean dataPlane = IoxAuthorizerServiceGrpc.SERVICE_NAME.equals(service)
        || HealthGrpc.SERVICE_NAME.equals(service);
    if (dataPlane && !log.isDebugEnabled()) {
      return next.startCall(call, headers);
    }
    Entry entry = new Entry();
    ServerCall<Q, R> logged = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        write(dataPlane, rpc, status, (System.nanoTime() - start) / 1_000_000, entry);
        super.close(status, trailers);
      }
    };
    return Contexts.interceptCall(Context.current().withValue(ENTRY, entry), logged, headers,
        next);
  }

  private void write(boolean dataPlane, String rpc, Status status, long millis, Entry entry) {
    boolean refused = REFUSALS.contains(status.getCode());
    if (!dataPlane && refused && !refusals.admit()) {
      return;
    }
    LoggingEventBuilder event = (dataPlane ? log.atDebug() : log.atInfo())
        .addKeyValue("rpc", rpc)
        .addKeyValue("status", status.getCode().name())
        .addKeyValue("duration_ms", millis)
        .addKeyValue("caller", entry.caller);
    if (entry.errorId != null) {
      event.addKeyValue("error_id", entry.errorId);
    }
    if (refused && status.getDescription() != null) {
      event.addKeyValue("reason", status.getDescription());
    }
    event.log();
  }
}
