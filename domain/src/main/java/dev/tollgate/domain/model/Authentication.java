package dev.tollgate.domain.model;

import java.util.Objects;

/** The outcome of checking a presented credential: a caller, or the reason it was refused. */
public sealed interface Authentication {

  /** The credential identifies this caller. */
  record Authenticated(Caller caller) implements Authentication {
    public Authenticated {
      Objects.requireNonNull(caller, "caller");
    }
  }

  /** The credential identifies nobody; {@code reason} is safe to show and never quotes it. */
  record Rejected(String reason) implements Authentication {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
