package dev.tollgate.domain.port.in;

import dev.tollgate.domain.model.AuthorizationDecision;
import dev.tollgate.domain.model.RequestedPermission;
import java.util.List;
import java.util.Objects;

/** The data plane's question: may this token do these things? */
public interface AuthorizeUseCase {

  /**
   * Decides; never throws for a bad token. Unknown, malformed, empty, expired and revoked tokens
   * are invalid; a management token is valid with no permissions.
   */
  AuthorizationDecision authorize(Request request);

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
      return o instanceof Request other && java.util.Arrays.equals(token, other.token)
          && permissions.equals(other.permissions);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.hashCode(token) + permissions.hashCode();
    }
  }
}
