package dev.tollgate.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.NotAllowedException;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.UnavailableException;
import dev.tollgate.net.ErrorLines;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become gRPC statuses. Refusals keep their message; anything
 * unexpected is logged under a fresh error id and the client gets INTERNAL with that id only.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  /** Runs a unary call's body and completes the observer with its response or its mapped error. */
  static <T> void respond(StreamObserver<T> observer, Supplier<T> body) {
    T response;
    try {
      response = body.get();
    } catch (RuntimeException e) {
      observer.onError(toStatus(e));
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /** The status for what a future failed with, looking through {@link CompletionException}. */
  static StatusRuntimeException toStatusOfFailed(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return toStatus(cause instanceof RuntimeException e ? e : new IllegalStateException(cause));
  }

  static StatusRuntimeException toStatus(RuntimeException e) {
    if (e instanceof StatusRuntimeException status) {
      return status;
    }
    if (e instanceof InvalidRequestException invalid) {
      return invalidArgument(invalid);
    }
    if (e instanceof NotFoundException) {
      return Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
    }
    if (e instanceof NotAllowedException) {
      return Status.PERMISSION_DENIED.withDescription(e.getMessage()).asRuntimeException();
    }
    if (e instanceof ConflictException) {
      return Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException();
    }
    if (e instanceof UnavailableException) {
      return Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException();
    }
    String errorId = UUID.randomUUID().toString();
    LOG.error("internal error {}: {}", errorId, ErrorLines.oneLine(e));
    CallLog.errorId(errorId);
    return Status.INTERNAL.withDescription("internal error; error id " + errorId).asRuntimeException();
  }

  /** INVALID_ARGUMENT naming the field, with a google.rpc.BadRequest detail for clients. */
  private static StatusRuntimeException invalidArgument(InvalidRequestException e) {
    BadRequest detail = BadRequest.newBuilder()
        .addFieldViolations(BadRequest.FieldViolation.newBuilder()
            .setField(e.field())
            .setDescription(e.reason()))
        .build();
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Code.INVALID_ARGUMENT_VALUE)
        .setMessage(e.getMessage())
        .addDetails(Any.pack(detail))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }
}
