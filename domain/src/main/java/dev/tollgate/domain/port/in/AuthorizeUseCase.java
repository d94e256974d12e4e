package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.RequestedPermission;
import dev.tollgate.domain.model.UnavailableException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** The data plane's question: may this token do these things? */
public interface AuthorizeUseCase {

  /**
   * Decides; never fails for a bad token. Unknown, malformed, empty, expired and revoked tokens
   * are invalid; a management token is valid with no permissions. Completes at once when the
   * replica holds the token; fails with {@link UnavailableException} when the answer depends on a
   * token store that cannot be read right now, and with
   * {@link dev.tollgate.domain.model.InvalidRequestException} when the request asks about more
   * permissions than {@link dev.tollgate.domain.model.Limits} allow.
   */
  CompletionStage<AuthorizationDecision> decide(Request request);

  /** {@link #decide} for callers that can wait, such as tests of embedding projects. */
  default AuthorizationDecision authorize(Request request) {
    try {
      return decide(request).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** The presented token as the data plane received it, and the permissions it needs. */
  record Request(byte[] token, List<RequestedPermission> permissions) {
    public Request {
      Objects.requireNonNull(token, "token");
      permissions = List.copyOf(permissions);
    }

    @Override
    public String toString() {
      return "Request[token=(" + token.length + " bytes, not shown), permissions=" + permissions + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Request other && Arrays.equals(token, other.token)
          && permissions.equals(other.permissions);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(token) + permissions.hashCode();
    }
  }
}
