package dev.tollgate.cli;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import java.util.Optional;

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
    return new CliException(message(e, status, description, connection, flags), e);
  }

  private static String message(StatusRuntimeException e, Status status, String description,
      Connection connection, Map<String, String> flags) {
    String target = connection.profile().target();
    return switch (status.getCode()) {
      case INVALID_ARGUMENT -> invalidArgument(e, description, flags);
      case UNAUTHENTICATED -> "Tollgate at " + target + " refused the credential ("
          + connection.profile().credentialSource() + "): " + description
          + connection.forgetRefusedSignIn().map(advice -> "; " + advice).orElse("");
      case PERMISSION_DENIED, NOT_FOUND, FAILED_PRECONDITION -> description;
      // a retryable answer: a cached sign-in is kept (only UNAUTHENTICATED removes it)
      case UNAVAILABLE -> tlsMismatch(status, connection.profile())
          .map(mismatch -> "cannot talk to Tollgate at " + target + ": " + mismatch)
          .orElseGet(() -> answeredByServer(e)
              ? "Tollgate at " + target + " cannot answer now: " + description
              : "cannot reach Tollgate at " + target + " (" + cause(status, description)
                  + "); is `tollgate serve` running there?");
      case DEADLINE_EXCEEDED -> "Tollgate at " + target + " did not answer within "
          + Times.format(connection.timeout()) + " (--timeout)";
      default -> "Tollgate at " + target + " failed: " + status.getCode() + ": " + description;
    };
  }

  /**
   * A client and server that disagree about TLS, in words: which side speaks what, and what to
   * set. Empty when the failure is something else.
   */
  static Optional<String> tlsMismatch(Status status, ClientProfile profile) {
    StringBuilder chain = new StringBuilder(String.valueOf(status.getDescription()));
    for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
      chain.append(' ').append(cause.getClass().getName()).append(": ").append(cause.getMessage());
    }
    String text = chain.toString();
    boolean clientTls = !profile.tls().disable();
    if (clientTls && (text.contains("NotSslRecordException") || text.contains("not an SSL/TLS record"))) {
      return Optional.of("the server speaks plaintext; " + fix(profile, "set [profile.tls]"
          + " disable = true (on a loopback address only), or start the server with TLS"));
    }
    if (!clientTls && !text.contains("Connection refused")
        && TlsProbe.speaksTls(profile.host(), profile.port())) {
      return Optional.of("the server speaks TLS; " + fix(profile, "set [profile.tls] ca = FILE"
          + " (for a self-signed server: its DATA-DIR/tls/self-signed.crt) or insecure = true,"
          + " and disable = false"));
    }
    if (clientTls && (text.contains("PKIX path") || text.contains("certification path")
        || text.contains("CertPathValidatorException"))) {
      return Optional.of("the server's certificate is not trusted; " + fix(profile,
          "set [profile.tls] ca = FILE to the certificate that signed it (for a self-signed"
              + " server: its DATA-DIR/tls/self-signed.crt), or insecure = true to trust any"));
    }
    if (clientTls && (text.contains("No subject alternative") || text.contains("No name matching"))) {
      return Optional.of("the server's certificate is not for " + profile.host() + "; "
          + fix(profile, "set host to a name the certificate lists"));
    }
    return Optional.empty();
  }

  /** The fix in the profile's file, or, for the local default, that a profile is needed. */
  private static String fix(ClientProfile profile, String fix) {
    return profile.configFile()
        .map(file -> fix + " in profile \"" + profile.name() + "\" of " + file)
        .orElse("the command line's local default (no config file) speaks plaintext; write a"
            + " config.toml profile for this server with [profile.tls] (see --config)");
  }

  /**
   * Whether the status came from the server (which says why and what to do) rather than from
   * the client's own transport: a server's answer arrives with response metadata (at least its
   * content-type), a failure of the connection with none.
   */
  private static boolean answeredByServer(StatusRuntimeException e) {
    return e.getTrailers() != null && !e.getTrailers().keys().isEmpty();
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
