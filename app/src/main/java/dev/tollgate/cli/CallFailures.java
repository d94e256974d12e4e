package dev.tollgate.cli;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;

/** Turns a failed call into the one line a person needs, naming flags rather than proto fields. */
final class CallFailures {

  private CallFailures() {}

  /**
   * The message for a failed call.
   *
   * @param flags maps request fields to the flags or arguments that set them, e.g.
   *     {@code expires_at → --expires-at}
   */
  static CliException describe(StatusRuntimeException e, Connection connection,
      Map<String, String> flags) {
    Status status = e.getStatus();
    String description = status.getDescription() == null ? "" : status.getDescription();
    String target = connection.profile().target();
    return new CliException(switch (status.getCode()) {
      case INVALID_ARGUMENT -> invalidArgument(e, description, flags);
      case UNAUTHENTICATED -> "Tollgate at " + target + " refused the credential ("
          + connection.profile().credentialSource() + "): " + description
          + connection.forgetRefusedSignIn().map(advice -> "; " + advice).orElse("");
      case PERMISSION_DENIED, NOT_FOUND, FAILED_PRECONDITION -> description;
      case UNAVAILABLE -> "cannot reach Tollgate at " + target + " (" + cause(status, description)
          + "); is `tollgate serve` running there, and does [profile.tls] match the server?";
      case DEADLINE_EXCEEDED -> "Tollgate at " + target + " did not answer within "
          + Times.format(connection.timeout()) + " (--timeout)";
      default -> "Tollgate at " + target + " failed: " + status.getCode() + ": " + description;
    });
  }

  private static String cause(Status status, String description) {
    Throwable cause = status.getCause();
    while (cause != null && cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return cause != null && cause.getMessage() != null ? cause.getMessage() : description;
  }

  private static String invalidArgument(StatusRuntimeException e, String description,
      Map<String, String> flags) {
    com.google.rpc.Status details = StatusProto.fromThrowable(e);
    if (details != null) {
      for (Any detail : details.getDetailsList()) {
        if (detail.is(BadRequest.class)) {
          try {
            BadRequest.FieldViolation violation = detail.unpack(BadRequest.class).getFieldViolations(0);
            String flag = flags.get(violation.getField());
            if (flag != null) {
              return flag + " " + violation.getDescription();
            }
            return violation.getDescription();
          } catch (InvalidProtocolBufferException | IndexOutOfBoundsException ignored) {
            break;
          }
        }
      }
    }
    return description;
  }
}
