package dev.tollgate.grpc;

import dev.tollgate.domain.model.Caller;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per call, in logfmt: {@code rpc=… status=… duration_ms=… caller=…}, and
 * {@code error_id=…} when the call failed with INTERNAL, the id its message carries. The
 * management API's calls are logged at INFO; the data plane's Authorize and the health checks,
 * tens of thousands a second, at DEBUG. The caller is its subject ({@code user:ID},
 * {@code bootstrap-admin}, {@code management-token:ID}), never a credential.
 */
@Singleton
public final class CallLog implements ServerInterceptor {

  /** The logger whose lines {@code --log-format json} turns into fields. */
  public static final String LOGGER = "CallLog";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final Context.Key<Entry> ENTRY = Context.key("tollgate-call-log");

  /** What the services learn about the call as it runs. */
  private static final class Entry {
    volatile String caller = "none";
    volatile String errorId;
  }

  @Inject
  public CallLog() {}

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
    if (dataPlane && !LOG.isDebugEnabled()) {
      return next.startCall(call, headers);
    }
    Entry entry = new Entry();
    ServerCall<Q, R> logged = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        String line = "rpc=" + rpc + " status=" + status.getCode() + " duration_ms="
            + (System.nanoTime() - start) / 1_000_000 + " caller=" + entry.caller
            + (entry.errorId == null ? "" : " error_id=" + entry.errorId);
        if (dataPlane) {
          LOG.debug(line);
        } else {
          LOG.info(line);
        }
        super.close(status, trailers);
      }
    };
    return Contexts.interceptCall(Context.current().withValue(ENTRY, entry), logged, headers,
        next);
  }
}
