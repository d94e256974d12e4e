package dev.tollgate.grpc;

import dev.tollgate.domain.model.Authentication;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.port.in.AuthenticateCallerUseCase;
import dev.tollgate.net.CredentialExpiry;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Turns {@code authorization: Bearer <credential>} into the caller in the call's context, or ends
 * the call with UNAUTHENTICATED and the reason (which the call log writes). The credential itself
 * is never logged or echoed.
 */
final class CallerInterceptor implements ServerInterceptor {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final Metadata.Key<String> CREDENTIAL_EXPIRES_AT =
      Metadata.Key.of(CredentialExpiry.HEADER, Metadata.ASCII_STRING_MARSHALLER);

  private final AuthenticateCallerUseCase authenticate;

  CallerInterceptor(AuthenticateCallerUseCase authenticate) {
    this.authenticate = authenticate;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Authentication result;
    try {
      result = authenticate.authenticateHeader(headers.get(AUTHORIZATION));
    } catch (RuntimeException e) {
      call.close(ErrorMapping.toStatus(e).getStatus(), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    if (result instanceof Authentication.Authenticated authenticated) {
      CallLog.caller(authenticated.caller());
      Context context = Context.current().withValue(CallerContext.CALLER, authenticated.caller())
          .withValue(CallerContext.EXPIRES_AT, authenticated.expiresAt());
      ServerCall<Q, R> answered = call;
      if (authenticated.caller() instanceof Caller.ManagementTokenHolder
          && authenticated.expiresAt().isPresent()) {
        String expiresAt = authenticated.expiresAt().get().toString();
        answered = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void sendHeaders(Metadata responseHeaders) {
            responseHeaders.put(CREDENTIAL_EXPIRES_AT, expiresAt);
            super.sendHeaders(responseHeaders);
          }
        };
      }
      return Contexts.interceptCall(context, answered, headers, next);
    }
    // the call log writes the reason, at a bounded rate
    String reason = ((Authentication.Rejected) result).reason();
    call.close(Status.UNAUTHENTICATED.withDescription(reason), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
