package dev.tollgate.domain.port.out;

import java.time.Instant;

/** The only source of the current time in the domain. */
@FunctionalInterface
public interface Clock {

  /** The current instant. */
  Instant now();
}
