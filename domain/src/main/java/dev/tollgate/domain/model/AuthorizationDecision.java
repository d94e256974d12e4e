package dev.tollgate.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorizer's answer: whether the token is valid, whose it is, and which of the requested
 * permissions it grants. An invalid token comes with nothing else; {@code reason} says why, for
 * debug logs only, and {@code outcome} in one word of a fixed set, for metrics.
 */
public record AuthorizationDecision(boolean valid, Optional<String> subject,
    List<RequestedPermission> granted, String reason, Outcome outcome) {

  /** What the decision amounts to, by kind; a label of a metric, so a fixed set. */
  public enum Outcome {
    /** A database token that grants everything asked. */
    GRANTED,
    /** A database token that grants some of what was asked. */
    PARTLY_GRANTED,
    /** A database token that grants none of what was asked. */
    DENIED,
    /** A management token (or the bootstrap admin): valid, grants no data access. */
    MANAGEMENT_TOKEN,
    MALFORMED,
    UNKNOWN,
    EXPIRED,
    REVOKED;

    /** As a metric label: {@code partly_granted}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public AuthorizationDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(subject, "subject");
    granted = List.copyOf(granted);
    Objects.requireNonNull(reason, "reason");
    if (!valid && (subject.isPresent() || !granted.isEmpty())) {
      throw new IllegalArgumentException("an invalid token has no subject and no permissions");
    }
  }

  /** The token is not valid, for the given reason. */
  public static AuthorizationDecision invalid(String reason, Outcome outcome) {
    return new AuthorizationDecision(false, Optional.empty(), List.of(), reason, outcome);
  }

  /**
   * The token is valid, belongs to {@code subject} and grants {@code granted} of the
   * {@code asked} permissions.
   *
   * @param dataAccess false for a management token or the bootstrap admin, which grant none
   */
  public static AuthorizationDecision valid(String subject, List<RequestedPermission> granted,
      int asked, boolean dataAccess) {
    Outcome outcome = !dataAccess ? Outcome.MANAGEMENT_TOKEN
        : granted.size() == asked ? Outcome.GRANTED
        : granted.isEmpty() ? Outcome.DENIED : Outcome.PARTLY_GRANTED;
    return new AuthorizationDecision(true, Optional.of(subject), granted, "", outcome);
  }
}
