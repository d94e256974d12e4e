package dev.tollgate.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorizer's answer: whether the token is valid, whose it is, and which of the requested
 * permissions it grants. An invalid token comes with nothing else; {@code reason} says why, for
 * metrics and debug logs only.
 */
public record AuthorizationDecision(boolean valid, Optional<String> subject,
    List<RequestedPermission> granted, String reason) {

  public AuthorizationDecision {
    Objects.requireNonNull(subject, "subject");
    granted = List.copyOf(granted);
    Objects.requireNonNull(reason, "reason");
    if (!valid && (subject.isPresent() || !granted.isEmpty())) {
      throw new IllegalArgumentException("an invalid token has no subject and no permissions");
    }
  }

  /** The token is not valid, for the given reason. */
  public static AuthorizationDecision invalid(String reason) {
    return new AuthorizationDecision(false, Optional.empty(), List.of(), reason);
  }

  /** The token is valid, belongs to {@code subject} and grants {@code granted}. */
  public static AuthorizationDecision valid(String subject, List<RequestedPermission> granted) {
    return new AuthorizationDecision(true, Optional.of(subject), granted, "");
  }
}
