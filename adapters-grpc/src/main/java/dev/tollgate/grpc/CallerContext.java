package dev.tollgate.grpc;

import dev.tollgate.domain.model.Caller;
import io.grpc.Context;
import java.time.Instant;
import java.util.Optional;

/** Where the {@link CallerInterceptor} leaves the authenticated caller for the services. */
final class CallerContext {

  static final Context.Key<Caller> CALLER = Context.key("tollgate-caller");
  /** When the caller's credential stops working; empty when it does not expire. */
  static final Context.Key<Optional<Instant>> EXPIRES_AT = Context.key("tollgate-caller-expiry");

  private CallerContext() {}

  /** The caller of the current call; only services behind the interceptor may ask. */
  static Caller current() {
    Caller caller = CALLER.get();
    if (caller == null) {
      throw new IllegalStateException("no caller in context: service is not behind CallerInterceptor");
    }
    return caller;
  }
}
