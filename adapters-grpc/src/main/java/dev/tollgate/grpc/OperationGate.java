package dev.tollgate.grpc;

import dev.tollgate.domain.model.Operation;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.HashMap;
import java.util.Map;

/**
 * The management API's door: a call whose caller may not perform what its use case declares
 * (its port's {@code OPERATION}) is refused with PERMISSION_DENIED before its request is read.
 * Runs after {@link CallerInterceptor}, which has identified the caller.
 */
final class OperationGate implements ServerInterceptor {

  private final Map<String, Operation> byMethod = new HashMap<>();

  /** @param operations each guarded method and the operation its use case declares */
  OperationGate(Map<MethodDescriptor<?, ?>, Operation> operations) {
    operations.forEach((method, operation) -> byMethod.put(method.getFullMethodName(), operation));
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Operation operation = byMethod.get(call.getMethodDescriptor().getFullMethodName());
    if (operation != null) {
      try {
        CallerContext.current().require(operation);
      } catch (RuntimeException refused) {
        io.grpc.StatusRuntimeException status = ErrorMapping.toStatus(refused);
        call.close(status.getStatus(),
            status.getTrailers() != null ? status.getTrailers() : new Metadata());
        return new ServerCall.Listener<>() {};
      }
    }
    return next.startCall(call, headers);
  }
}
