package dev.tollgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of checking a presented credential: a caller, or the reason it was refused. */
public sealed interface Authentication {

  /**
   * The credential identifies this caller.
   *
   * @param expiresAt when the credential stops working, if it does
   */
  record Authenticated(Caller caller, Optional<Instant> expiresAt) implements Authentication {
    public Authenticated {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A caller whose credential does not expire. */
    public Authenticated(Caller caller) {
      this(caller, Optional.empty());
    }
  }

  /** The credential identifies nobody; {@code reason} is safe to show and never quotes it. */
  record Rejected(String reason) implements Authentication {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
