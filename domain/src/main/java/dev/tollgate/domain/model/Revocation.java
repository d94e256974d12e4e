package dev.tollgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/** What a revoke request did to one id; {@code token} is the token after the call, if found. */
public record Revocation(TokenId id, Outcome outcome, Optional<Token> token) {

  /** The outcome for one id. */
  public enum Outcome {
    REVOKED,
    ALREADY_REVOKED,
    NOT_FOUND,
    /** No token of the kind asked for has the id, but one of the other kind has. */
    OTHER_KIND
  }

  public Revocation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    if (token.isPresent() == (outcome == Outcome.NOT_FOUND || outcome == Outcome.OTHER_KIND)) {
      throw new IllegalArgumentException("a found token comes with its outcome, a missing one without");
    }
  }
}
